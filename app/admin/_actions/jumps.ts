"use server";
// Manual jump links: which open 上接 continues an open 下转, and undoing a link.
import { confirmJump, linkJump, unlinkJump } from "@/db/queries/edit-jumps";
import { IssueRef, recordId } from "@/lib/forms";
import { issueAction } from "../_lib/action";

const Link = IssueRef.extend({ fromArticleId: recordId, toArticleId: recordId });
const PieceRef = IssueRef.extend({ pieceId: recordId });

export const linkJumpAction = issueAction({ input: Link }, (input, { by, issue, target }) => {
  linkJump({ issueId: issue.id, target, fromArticleId: input.fromArticleId, toArticleId: input.toArticleId }, by);
  return "已接上转版";
});

export const unlinkJumpAction = issueAction({ input: PieceRef }, (input, { by, issue, target }) => {
  unlinkJump({ issueId: issue.id, target, pieceId: input.pieceId }, by);
  return "已断开转版";
});

// A confirmation changes nothing readers see: only the editor's view is refreshed.
export const confirmJumpAction = issueAction({ input: PieceRef, refresh: "editor" }, (input, { by, issue, target }) => {
  confirmJump({ issueId: issue.id, target, pieceId: input.pieceId }, by);
  return "已确认这处转版";
});
