// Route params of the API, validated: malformed → 400 (a well-formed but unknown one is a 404).
import "server-only";
import { z } from "zod";
import { isIssueDate } from "@/lib/dates";
import { normalizeLabel } from "@/lib/labels";
import { isPaperSlug } from "@/lib/slugs";

export const PaperSlug = z.string().refine(isPaperSlug, "paper: lower-case letters, digits and hyphens");
export const IssueDate = z.string().refine(isIssueDate, "date: a calendar date as YYYY-MM-DD");
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "month: YYYY-MM");
export const ArticleId = z.string().regex(/^[1-9][0-9]{0,9}$/, "article id: a positive integer").transform(Number);
export const PageLabel = z.string().transform((s, ctx) => {
  let decoded = s;
  try { decoded = decodeURIComponent(s); } catch { /* keep as is */ }
  const label = normalizeLabel(decoded);
  if (!label) {
    ctx.addIssue({ code: "custom", message: "page: a page label such as 1, 3 or A6" });
    return z.NEVER;
  }
  return label;
});

/** The first problem of a failed parse, for the 400 message. */
export function problem(error: z.ZodError): string {
  return error.issues[0]?.message ?? "bad parameter";
}
