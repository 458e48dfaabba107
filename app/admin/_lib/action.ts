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

/** An action outside one issue's editor: papers, accounts, subscribers. */
export function adminAction<S extends z.ZodType>(
  spec: { role?: Role; input: S; revalidate?: readonly [path: string, type?: "layout" | "page"] },
  run: (input: z.output<S>, ctx: ActionContext) => Outcome | Promise<Outcome>,
): FormAction {
  return async (_state, form) =>
    act(async () => {
      const actor = await authorizeAction(spec.role ?? "editor");
      const input = spec.input.parse(fields(form));
      const out = await run(input, { actor, by: actorOf(actor), form });
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
  run: (input: z.output<S>, ctx: IssueActionContext) => Outcome | Promise<Outcome>,
): FormAction {
  return async (_state, form) =>
    act(async () => {
      const actor = await authorizeAction(spec.role ?? "editor");
      const input = spec.input.parse(fields(form));
      const issue = issueOrError(input.paper, input.date);
      const out = await run(input, { actor, by: actorOf(actor), form, issue, target: issueTarget(issue) });
      afterChange(spec.refresh === "editor" ? null : issue.status);
      return out;
    });
}
