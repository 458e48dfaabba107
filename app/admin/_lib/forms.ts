// zod schemas for the back office's forms. Messages are the ones editors see.
import { z } from "zod";
import { isIssueDate } from "@/lib/dates";
import { normalizeLabel } from "@/lib/labels";
import { isPaperSlug } from "@/lib/slugs";

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

/** Paragraphs typed in a textarea: one per block separated by a blank line. */
export function splitParagraphs(text: string): string[] {
  return text.replace(/\r\n?/g, "\n").split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, "").trim()).filter(Boolean);
}

export const joinParagraphs = (paragraphs: string[]) => paragraphs.join("\n\n");

/** Reads a FormData into a plain object of its string fields, for zod. */
export function fields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") out[k] = v;
  return out;
}

// Route names under /admin that a paper slug would shadow.
export const ADMIN_RESERVED = new Set(["preview", "users", "audit", "password", "settings", "readers"]);
