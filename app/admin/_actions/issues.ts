"use server";
// Papers and issues: create, publish, schedule, unpublish. Each action checks who is asking
// first (authorizeAction), then validates, then writes in one transaction with its audit record.
import { revalidatePath } from "next/cache";
import { issuePdfFile } from "@/lib/issue-pdf";
import { listPagesForEdit } from "@/db/queries/edit-pages";
import { z } from "zod";
import { authorizeAction, type Actor } from "@/app/(auth)/guards";
import { changeIssueStatus, createIssue, createPaper, EditError, getIssueWithPaperForEdit, scheduleIssue } from "@/db/queries/edit-issues";
import { act } from "../_lib/act";
import type { ActionState } from "@/lib/action-state";
import { ADMIN_RESERVED, fields, IssueRef, issueDate, optionalText, paperSlug } from "@/lib/forms";
import { actorOf } from "../_lib/load";
import { isTimeZone, zonedLocalToUtc } from "@/lib/zoned-time";

const NewPaper = z.object({
  slug: paperSlug.refine((s) => !ADMIN_RESERVED.has(s), "这个标识与后台页面重名，请换一个"),
  name: z.string().trim().min(1, "请填写报名").max(60, "报名不能超过 60 个字"),
  motto: optionalText(100, "报头题字"),
});

export async function createPaperAction(_: ActionState, form: FormData): Promise<ActionState> {
  return act(async () => {
    const actor = await authorizeAction("admin");
    const input = NewPaper.parse(fields(form));
    createPaper(input, actorOf(actor));
    revalidatePath("/", "layout");
    return `已创建报纸「${input.name}」`;
  });
}

const NewIssue = z.object({
  paper: paperSlug,
  date: issueDate,
  number: z.preprocess((v) => (v === "" || v == null ? null : v),
    z.coerce.number({ message: "期号应为数字" }).int("期号应为整数").positive("期号应为正数").max(1_000_000).nullable()),
});

export async function createIssueAction(_: ActionState, form: FormData): Promise<ActionState> {
  return act(async () => {
    const actor = await authorizeAction();
    const input = NewIssue.parse(fields(form));
    createIssue({ paperSlug: input.paper, date: input.date, number: input.number }, actorOf(actor));
    revalidatePath("/admin", "layout");
    return `已创建 ${input.date} 的一期（草稿）`;
  });
}

// A ticked 已核对全部转版 box: the editor vouches for the links linked by reading order.
const confirmLinks = z.preprocess((v) => v === "1" || v === "on", z.boolean()).default(false);

function setStatus(actor: Actor, form: FormData, status: "published" | "draft") {
  const ref = IssueRef.extend({ confirmLinks }).parse(fields(form));
  changeIssueStatus({ paperSlug: ref.paper, date: ref.date, status, confirmLinks: ref.confirmLinks }, actorOf(actor));
  // Readers must see the change within seconds: every cached page may link to this issue.
  revalidatePath("/", "layout");
  if (status === "published") joinIssuePdfSoon(ref.paper, ref.date);
}

/** Joins the page PDFs into the whole-issue PDF now, so the first reader to ask need not wait. */
function joinIssuePdfSoon(paper: string, date: string) {
  const issue = getIssueWithPaperForEdit(paper, date);
  const pdfs = issue ? listPagesForEdit(issue.id).map((p) => p.pdfPath) : [];
  if (pdfs.length === 0 || pdfs.some((p) => !p)) return;
  issuePdfFile(pdfs as string[]).catch((e) => console.error("[admin] issue.pdf failed", e));
}

export async function publishAction(_: ActionState, form: FormData): Promise<ActionState> {
  return act(async () => {
    setStatus(await authorizeAction(), form, "published");
    return "已发布，读者现在可以看到这一期";
  });
}

export async function unpublishAction(_: ActionState, form: FormData): Promise<ActionState> {
  return act(async () => {
    setStatus(await authorizeAction(), form, "draft");
    return "已撤回为草稿，读者不再能看到这一期";
  });
}

// datetime-local has no zone; the browser sends its zone's name beside it (lib/zoned-time.ts).
const Schedule = IssueRef.extend({
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "请选择发布的日期和时间"),
  zone: z.string().max(64).refine(isTimeZone, "无法识别浏览器的时区").default("Asia/Shanghai"),
  confirmLinks,
});

export async function scheduleAction(_: ActionState, form: FormData): Promise<ActionState> {
  return act(async () => {
    const actor = await authorizeAction();
    const input = Schedule.parse(fields(form));
    const instant = zonedLocalToUtc(input.at, input.zone);
    if (!instant) throw new EditError("invalid", "请选择发布的日期和时间");
    scheduleIssue({ paperSlug: input.paper, date: input.date, at: instant.toISOString(), confirmLinks: input.confirmLinks }, actorOf(actor));
    revalidatePath("/admin", "layout");
    return `已定时：${input.at.replace("T", " ")} 自动发布`;
  });
}
