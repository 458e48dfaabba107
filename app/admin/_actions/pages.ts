"use server";
// An issue's pages: add, delete, reorder, text (parse, correct, save) and zones.
import { z } from "zod";
import { EditError } from "@/db/queries/edit-issues";
import { addPage, deletePage, movePage, savePageText, saveZones } from "@/db/queries/edit-pages";
import { parsePage, type ParsedPiece } from "@/lib/parser";
import { decodeText, DecodeError } from "@/lib/text-decode";
import { normalizeLabel } from "@/lib/labels";
import { IssueRef, optionalText, pageLabel, recordId, splitParagraphs } from "@/lib/forms";
import { adminAction, issueAction } from "../_lib/action";

const NewPage = IssueRef.extend({ label: pageLabel, section: optionalText(20, "版名") });

export const addPageAction = issueAction({ input: NewPage }, (input, { by, issue, target }) => {
  addPage({ issueId: issue.id, target, label: input.label, section: input.section }, by);
  return `已添加第${input.label}版`;
});

const PageRef = IssueRef.extend({ pageId: recordId });

export const deletePageAction = issueAction({ input: PageRef }, (input, { by, issue, target }) => {
  deletePage({ issueId: issue.id, target, pageId: input.pageId }, by);
  return "已删除该版";
});

const Move = PageRef.extend({ direction: z.enum(["-1", "1"]).transform((d) => Number(d) as -1 | 1) });

export const movePageAction = issueAction({ input: Move }, (input, { by, issue, target }) => {
  movePage({ issueId: issue.id, target, pageId: input.pageId, direction: input.direction }, by);
  return "已调整顺序";
});

const MAX_TEXT_BYTES = 900 * 1024; // under the server actions' 1 MB body limit

/** Step 1: the parser's proposal for pasted or uploaded text. Writes nothing. */
export const parseTextAction = adminAction({ input: IssueRef.extend({ label: pageLabel }) }, async (input, { form }) => {
  const file = form.get("file");
  let text = String(form.get("text") ?? "");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_TEXT_BYTES) throw new EditError("invalid", "文本文件过大（上限约 900 KB）");
    try {
      text = decodeText(new Uint8Array(await file.arrayBuffer()));
    } catch (e) {
      if (e instanceof DecodeError) throw new EditError("invalid", "无法识别文件的文字编码，请另存为 UTF-8 后再上传，或直接粘贴文字");
      throw e;
    }
  }
  if (!text.trim()) throw new EditError("invalid", "请粘贴本版文字或选择一个文本文件");
  const parsed = parsePage(text, input.label);
  if (parsed.articles.length === 0) throw new EditError("invalid", "没有识别出文章，请检查文字");
  return { message: `识别出 ${parsed.articles.length} 篇，请核对后保存`, data: { source: text, pieces: parsed.articles } satisfies Proposal };
});

export type Proposal = { source: string; pieces: ParsedPiece[] };

const MAX_PIECES = 80;
const label = z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string()).transform((s, ctx) => {
  if (!s) return null;
  const l = normalizeLabel(s);
  if (!l) { ctx.addIssue({ code: "custom", message: `转版“${s}”不是有效的版次` }); return z.NEVER; }
  return l;
});

/** Reads the proposal form's fields p0.title, p0.paragraphs … back into pieces. */
function piecesFromForm(form: FormData) {
  const get = (i: number, k: string) => form.get(`p${i}.${k}`);
  const out: ParsedPiece[] = [];
  for (let i = 0; i < MAX_PIECES && get(i, "paragraphs") !== null; i++) {
    if (get(i, "drop") === "on") continue;
    const text = (k: string, max: number, name: string) => optionalText(max, `第${i + 1}篇的${name}`).parse(get(i, k));
    const paragraphs = splitParagraphs(String(get(i, "paragraphs") ?? ""));
    if (paragraphs.length === 0) throw new EditError("invalid", `第${i + 1}篇没有正文；不要的篇目请勾选“删除”`);
    out.push({
      kicker: text("kicker", 200, "引题"), title: text("title", 200, "主题"), subtitle: text("subtitle", 200, "副题"),
      column: text("column", 60, "栏目"), byline: text("byline", 200, "作者"), paragraphs,
      jumpTo: label.parse(get(i, "jumpTo")), jumpFrom: label.parse(get(i, "jumpFrom")),
    });
  }
  return out;
}

/** Step 2: saves the corrected proposal: the page's pieces are replaced and jumps relinked. */
export const saveTextAction = issueAction({ input: IssueRef.extend({ label: pageLabel }) }, (input, { by, form }) => {
  const pieces = piecesFromForm(form);
  if (pieces.length === 0) throw new EditError("invalid", "至少保留一篇");
  const summary = savePageText({ paperSlug: input.paper, date: input.date, label: input.label, pieces }, by);
  const open = summary.jumps.unresolved.length;
  const unsure = summary.jumps.uncertain.length;
  return `已保存 ${pieces.length} 篇；本期转版已接上 ${summary.jumps.linked.length} 处${open ? `，还有 ${open} 处未接上` : ""}${unsure ? `；${unsure} 处按顺序接上，待核对` : ""}`;
});

const Rect = z.object({
  x: z.number().min(0).max(1), y: z.number().min(0).max(1), w: z.number().gt(0).max(1), h: z.number().gt(0).max(1),
}).refine((z) => z.x + z.w <= 1.0001 && z.y + z.h <= 1.0001, "区域超出了版面");
const Zone = z.object({ pieceId: z.number().int().positive(), zones: z.array(Rect).max(20) });

export const saveZonesAction = issueAction({ input: PageRef }, (input, { by, issue, target, form }) => {
  let raw: unknown;
  try { raw = JSON.parse(String(form.get("zones") ?? "[]")); } catch { throw new EditError("invalid", "区域数据有误"); }
  const zones = z.array(Zone).max(500).parse(raw);
  saveZones({ issueId: issue.id, target, pageId: input.pageId, zones }, by);
  return "区域已保存";
});
