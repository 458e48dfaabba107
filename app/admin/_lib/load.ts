// Route params and form references to records, for pages (notFound) and actions (an error).
// Callers have already passed a guard: these read drafts.
import "server-only";
import { notFound } from "next/navigation";
import { EditError, getIssueWithPaperForEdit, type IssueForEdit } from "@/db/queries/edit-issues";
import { getPageForEdit } from "@/db/queries/edit-pages";
import { isIssueDate } from "@/lib/dates";
import { normalizeLabel } from "@/lib/labels";
import { isPaperSlug } from "@/lib/slugs";

export function issueOrNotFound(paper: string, date: string): IssueForEdit {
  if (!isPaperSlug(paper) || !isIssueDate(date)) notFound();
  return getIssueWithPaperForEdit(paper, date) ?? notFound();
}

export function pageOrNotFound(issue: IssueForEdit, rawLabel: string) {
  const label = normalizeLabel(decodeURIComponent(rawLabel));
  if (!label) notFound();
  return getPageForEdit(issue.id, label) ?? notFound();
}

export function issueOrError(paper: string, date: string): IssueForEdit {
  const issue = getIssueWithPaperForEdit(paper, date);
  if (!issue) throw new EditError("not_found", "没有这一期");
  return issue;
}

export const issueTarget = (issue: IssueForEdit) => `${issue.paper.slug}/${issue.date}`;
export const actorOf = (a: { user: { id: number; email: string } }) => ({ id: a.user.id, email: a.user.email });
