// The one way to write a back-office server action: who may call it, the schema of its form
// fields, and (for an issue's actions) the issue it edits are declared; the wrapper checks the
// session first, then parses, loads the issue, runs the body and refreshes what the change
// touched, and turns any failure into the form's ActionState (act). Forgetting the guard or the
// validation is impossible by construction; lib/auth/admin-guards.test.ts is the backstop.
import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { type Actor, authorizeAction } from "@/app/(auth)/guards";
import type { IssueForEdit } from "@/db/queries/edit-issues";
import type { ActionState } from "@/lib/action-state";
import { fields, type IssueRef } from "@/lib/forms";
import { act, afterChange, type Outcome } from "./act";
import { actorOf, issueOrError, issueTarget } from "./load";

type Role = "editor" | "admin";
export type ActionContext = {
  actor: Actor;
  /** The actor as the audit log records it. */
  by: { id: number; email: string };
  /** The raw form, for fields a flat schema cannot describe (repeated or numbered fields, files). */
  form: FormData;
};
export type IssueActionContext = ActionContext & {
  issue: IssueForEdit;
  /** The issue as the audit log names it: paper/date. */
  target: string;
};

type FormAction = (state: ActionState, form: FormData) => Promise<ActionState>;
type Body<I, C> = (input: I, ctx: C) => Outcome | Promise<Outcome>;

/** Every action's first steps, in this order: the session, then the form, then the body. */
function guarded<S extends z.ZodType>(role: Role | undefined, schema: S, body: Body<z.output<S>, ActionContext>): FormAction {
  return async (_state, form) =>
    act(async () => {
      const actor = await authorizeAction(role ?? "editor");
      const input = schema.parse(fields(form));
      return body(input, { actor, by: actorOf(actor), form });
    });
}

/** An action outside one issue's editor: papers, accounts, subscribers. */
export function adminAction<S extends z.ZodType>(
  spec: { role?: Role; input: S; revalidate?: readonly [path: string, type?: "layout" | "page"] },
  run: Body<z.output<S>, ActionContext>,
): FormAction {
  return guarded(spec.role, spec.input, async (input, ctx) => {
    const out = await run(input, ctx);
    if (spec.revalidate) revalidatePath(spec.revalidate[0], spec.revalidate[1]);
    return out;
  });
}

/**
 * An edit to one issue, named by the form's paper and date. After the change readers' caches are
 * rebuilt when the issue is live, else only the editor's view ("editor": a change readers never see).
 */
export function issueAction<S extends z.ZodType<z.output<typeof IssueRef>>>(
  spec: { role?: Role; input: S; refresh?: "issue" | "editor" },
  run: Body<z.output<S>, IssueActionContext>,
): FormAction {
  return guarded(spec.role, spec.input, async (input, ctx) => {
    const issue = issueOrError(input.paper, input.date);
    const out = await run(input, { ...ctx, issue, target: issueTarget(issue) });
    afterChange(spec.refresh === "editor" ? null : issue.status);
    return out;
  });
}
