"use server";
// Article edits: fields and paragraphs, split a piece, merge a piece into the article before it.
import { z } from "zod";
import { EditError } from "@/db/queries/edit-issues";
import { mergePiece, splitPiece, updateArticle } from "@/db/queries/edit-articles";
import { IssueRef, optionalText, recordId, splitParagraphs } from "@/lib/forms";
import { issueAction } from "../_lib/action";

const ArticleForm = IssueRef.extend({
  articleId: recordId,
  kicker: optionalText(200, "引题"), title: optionalText(200, "主题"), subtitle: optionalText(200, "副题"),
  column: optionalText(60, "栏目"), byline: optionalText(200, "作者"),
});

export const updateArticleAction = issueAction({ input: ArticleForm }, (input, { by, issue, target, form }) => {
  const { paper: _paper, date: _date, articleId, ...articleFields } = input;
  const pieces = form.getAll("pieceId").map((raw) => {
    const pieceId = recordId.parse(raw);
    const paragraphs = splitParagraphs(String(form.get(`paragraphs.${pieceId}`) ?? ""));
    if (paragraphs.length === 0) throw new EditError("invalid", "正文不能为空；要去掉一段文字请用合并");
    return { pieceId, paragraphs, headline: optionalText(200, "转版标题").parse(form.get(`headline.${pieceId}`)) };
  });
  updateArticle({ issueId: issue.id, target, articleId, fields: articleFields, pieces }, by);
  return "文章已保存";
});

const Split = IssueRef.extend({ pieceId: recordId, at: z.coerce.number().int() });

export const splitPieceAction = issueAction({ input: Split }, (input, { by, issue, target }) => {
  splitPiece({ issueId: issue.id, target, pieceId: input.pieceId, at: input.at }, by);
  return "已拆分为两篇";
});

export const mergePieceAction = issueAction({ input: IssueRef.extend({ pieceId: recordId }) }, (input, { by, issue, target }) => {
  mergePiece({ issueId: issue.id, target, pieceId: input.pieceId }, by);
  return "已并入前一篇";
});
