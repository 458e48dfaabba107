"use server";
// Manual jump links: which open 上接 continues an open 下转, and undoing a link.
import { authorizeAction } from "@/app/(auth)/guards";
import { confirmJump, linkJump, unlinkJump } from "@/db/queries/edit-jumps";
import { act, afterChange } from "../_lib/act";
import type { ActionState } from "@/lib/action-state";
import { fields, IssueRef, recordId } from "@/lib/forms";
import { actorOf, issueOrError, issueTarget } from "../_lib/load";

export async function linkJumpAction(_: ActionState, form: FormData): Promise<ActionState> {
  return act(async () => {
    const actor = await authorizeAction();
    const input = IssueRef.extend({ fromArticleId: recordId, toArticleId: recordId }).parse(fields(form));
    const issue = issueOrError(input.paper, input.date);
    linkJump({ issueId: issue.id, target: issueTarget(issue), fromArticleId: input.fromArticleId, toArticleId: input.toArticleId }, actorOf(actor));
    afterChange(issue.status);
    return "已接上转版";
  });
}

export async function unlinkJumpAction(_: ActionState, form: FormData): Promise<ActionState> {
  return act(async () => {
    const actor = await authorizeAction();
    const input = IssueRef.extend({ pieceId: recordId }).parse(fields(form));
    const issue = issueOrError(input.paper, input.date);
    unlinkJump({ issueId: issue.id, target: issueTarget(issue), pieceId: input.pieceId }, actorOf(actor));
    afterChange(issue.status);
    return "已断开转版";
  });
}

export async function confirmJumpAction(_: ActionState, form: FormData): Promise<ActionState> {
  return act(async () => {
    const actor = await authorizeAction();
    const input = IssueRef.extend({ pieceId: recordId }).parse(fields(form));
    const issue = issueOrError(input.paper, input.date);
    confirmJump({ issueId: issue.id, target: issueTarget(issue), pieceId: input.pieceId }, actorOf(actor));
    afterChange(null);
    return "已确认这处转版";
  });
}
