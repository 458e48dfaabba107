// zod schemas for the back office's forms. Messages are the ones editors see.
import { z } from "zod";
import { isIssueDate } from "@/lib/dates";
import { normalizeLabel } from "@/lib/labels";
import { isPaperSlug } from "@/lib/slugs";
import { joinLines } from "@/lib/join-lines";
import { EditError } from "@/lib/errors";

/** A form field as an optional text: trimmed, empty → null. */
export const optionalText = (max: number, name: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : null),
    z.string().max(max, `${name}不能超过 ${max} 个字`).nullable());

export const paperSlug = z.string().refine(isPaperSlug, "报纸标识只能用小写字母、数字和连字符（如 linlan），且不能是保留词");
export const issueDate = z.string().refine(isIssueDate, "日期应为真实的日期，如 2026-11-27");
export const pageLabel = z.string().max(20).transform((s, ctx) => {
  const label = normalizeLabel(s);
  if (!label) { ctx.addIssue({ code: "custom", message: "版次应为 1、三版、第3版 或 A3 这样的形式" }); return z.NEVER; }
  return label;
});
export const recordId = z.coerce.number({ message: "缺少记录编号" }).int().positive("缺少记录编号");

export const IssueRef = z.object({ paper: paperSlug, date: issueDate });

/** Paragraphs typed in a textarea: one per block separated by a blank line; a block's lines are rejoined. */
export function splitParagraphs(text: string): string[] {
  return text.replace(/\r\n?/g, "\n").split(/\n\s*\n/).map((p) => joinLines(p.split("\n"))).filter(Boolean);
}

export const joinParagraphs = (paragraphs: string[]) => paragraphs.join("\n\n");

// Control characters (NUL and the rest of C0/C1, bar tab and line ends), and the invisible
// bidi overrides, in a text field are never typing: refuse them rather than store them raw.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Reads a FormData into a plain object of its string fields, for zod; refuses control characters in any. */
export function fields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v !== "string") continue;
    if (CONTROL.test(v)) throw new EditError("invalid", "输入中含有不可见的控制字符（如 NUL），请删除后再保存");
    out[k] = v;
  }
  return out;
}

// Route names under /admin that a paper slug would shadow.
export const ADMIN_RESERVED = new Set(["preview", "users", "audit", "password", "settings", "readers"]);
