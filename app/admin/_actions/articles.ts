"use server";
// Article edits: fields and paragraphs, split a piece, merge a piece into the article before it.
import { z } from "zod";
import { authorizeAction } from "@/app/(auth)/guards";
import { EditError } from "@/db/queries/edit-issues";
import { mergePiece, splitPiece, updateArticle } from "@/db/queries/edit-articles";
import { act, afterChange } from "../_lib/act";
import type { ActionState } from "@/lib/action-state";
import { fields, IssueRef, optionalText, recordId, splitParagraphs } from "@/lib/forms";
import { actorOf, issueOrError, issueTarget } from "../_lib/load";

const ArticleForm = IssueRef.extend({
  articleId: recordId,
  kicker: optionalText(200, "引题"), title: optionalText(200, "主题"), subtitle: optionalText(200, "副题"),
  column: optionalText(60, "栏目"), byline: optionalText(200, "作者"),
});

export async function updateArticleAction(_: ActionState, form: FormData): Promise<ActionState> {
  return act(async () => {
    const actor = await authorizeAction();
    const { paper, date, articleId, ...articleFields } = ArticleForm.parse(fields(form));
    const pieces = form.getAll("pieceId").map((raw) => {
      const pieceId = recordId.parse(raw);
      const paragraphs = splitParagraphs(String(form.get(`paragraphs.${pieceId}`) ?? ""));
      if (paragraphs.length === 0) throw new EditError("invalid", "正文不能为空；要去掉一段文字请用合并");
      return { pieceId, paragraphs, headline: optionalText(200, "转版标题").parse(form.get(`headline.${pieceId}`)) };
    });
    const issue = issueOrError(paper, date);
    updateArticle({ issueId: issue.id, target: issueTarget(issue), articleId, fields: articleFields, pieces }, actorOf(actor));
    afterChange(issue.status);
    return "文章已保存";
  });
}

const Split = IssueRef.extend({ pieceId: recordId, at: z.coerce.number().int() });

export async function splitPieceAction(_: ActionState, form: FormData): Promise<ActionState> {
  return act(async () => {
    const actor = await authorizeAction();
    const input = Split.parse(fields(form));
    const issue = issueOrError(input.paper, input.date);
    splitPiece({ issueId: issue.id, target: issueTarget(issue), pieceId: input.pieceId, at: input.at }, actorOf(actor));
    afterChange(issue.status);
    return "已拆分为两篇";
  });
}

export async function mergePieceAction(_: ActionState, form: FormData): Promise<ActionState> {
  return act(async () => {
    const actor = await authorizeAction();
    const input = IssueRef.extend({ pieceId: recordId }).parse(fields(form));
    const issue = issueOrError(input.paper, input.date);
    mergePiece({ issueId: issue.id, target: issueTarget(issue), pieceId: input.pieceId }, actorOf(actor));
    afterChange(issue.status);
    return "已并入前一篇";
  });
}
