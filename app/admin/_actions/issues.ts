"use server";
// Papers and issues: create, publish, schedule, unpublish. Each action checks who is asking
// first (adminAction), then validates, then writes in one transaction with its audit record.
import { z } from "zod";
import { changeIssueStatus, createIssue, createPaper, EditError, scheduleIssue } from "@/db/queries/edit-issues";
import { ADMIN_RESERVED, IssueRef, issueDate, optionalText, paperSlug } from "@/lib/forms";
import { adminAction } from "../_lib/action";
import { getIssueWithPaperForEdit } from "@/db/queries/issues";
import { listPagesForEdit } from "@/db/queries/edit-pages";
import { issuePdfFile } from "@/lib/issue-pdf";
import { isTimeZone, zonedLocalToUtc } from "@/lib/zoned-time";

const NewPaper = z.object({
  slug: paperSlug.refine((s) => !ADMIN_RESERVED.has(s), "这个标识与后台页面重名，请换一个"),
  name: z.string().trim().min(1, "请填写报名").max(60, "报名不能超过 60 个字"),
  motto: optionalText(100, "报头题字"),
});

export const createPaperAction = adminAction({ role: "admin", input: NewPaper, revalidate: ["/", "layout"] }, (input, { by }) => {
  createPaper(input, by);
  return `已创建报纸「${input.name}」`;
});

const NewIssue = z.object({
  paper: paperSlug,
  date: issueDate,
  number: z.preprocess((v) => (v === "" || v == null ? null : v),
    z.coerce.number({ message: "期号应为数字" }).int("期号应为整数").positive("期号应为正数").max(1_000_000).nullable()),
});

export const createIssueAction = adminAction({ input: NewIssue, revalidate: ["/admin", "layout"] }, (input, { by }) => {
  createIssue({ paperSlug: input.paper, date: input.date, number: input.number }, by);
  return `已创建 ${input.date} 的一期（草稿）`;
});

// A ticked 已核对全部转版 box: the editor vouches for the links linked by reading order.
const confirmLinks = z.preprocess((v) => v === "1" || v === "on", z.boolean()).default(false);

// Readers must see a status change within seconds: every cached page may link to this issue.
const StatusChange = { input: IssueRef.extend({ confirmLinks }), revalidate: ["/", "layout"] } as const;

export const publishAction = adminAction(StatusChange, (ref, { by }) => {
  changeIssueStatus({ paperSlug: ref.paper, date: ref.date, status: "published", confirmLinks: ref.confirmLinks }, by);
  joinIssuePdfSoon(ref.paper, ref.date);
  return "已发布，读者现在可以看到这一期";
});

/** Joins the page PDFs into the whole-issue PDF now, so the first reader to ask need not wait. */
function joinIssuePdfSoon(paper: string, date: string) {
  const issue = getIssueWithPaperForEdit(paper, date);
  const pdfs = issue ? listPagesForEdit(issue.id).map((p) => p.pdfPath) : [];
  if (pdfs.length === 0 || pdfs.some((p) => !p)) return;
  issuePdfFile(pdfs as string[]).catch((e) => console.error("[admin] issue.pdf failed", e));
}

export const unpublishAction = adminAction(StatusChange, (ref, { by }) => {
  changeIssueStatus({ paperSlug: ref.paper, date: ref.date, status: "draft", confirmLinks: ref.confirmLinks }, by);
  return "已撤回为草稿，读者不再能看到这一期";
});

// datetime-local has no zone; the browser sends its zone's name beside it (lib/zoned-time.ts).
const Schedule = IssueRef.extend({
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "请选择发布的日期和时间"),
  zone: z.string().max(64).refine(isTimeZone, "无法识别浏览器的时区").default("Asia/Shanghai"),
  confirmLinks,
});

export const scheduleAction = adminAction({ input: Schedule, revalidate: ["/admin", "layout"] }, (input, { by }) => {
  const instant = zonedLocalToUtc(input.at, input.zone);
  if (!instant) throw new EditError("invalid", "请选择发布的日期和时间");
  scheduleIssue({ paperSlug: input.paper, date: input.date, at: instant.toISOString(), confirmLinks: input.confirmLinks }, by);
  return `已定时：${input.at.replace("T", " ")} 自动发布`;
});
