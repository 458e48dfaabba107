"use server";
// Subscribers (admins only): grant, extend and revoke subscriptions, make activation-code
// batches, and set a paper's access policy. Each change is audited in its transaction.
import { z } from "zod";
import { EditError } from "@/db/queries/edit-issues";
import { getPaperBySlug } from "@/db/queries/papers";
import { getReaderByEmail } from "@/db/queries/readers";
import { grantSubscription, revokeSubscription, setSubscriptionEnd, SubscriptionNotFoundError } from "@/db/queries/subscriptions";
import { createCodeBatch, MAX_BATCH, MAX_CODE_DAYS } from "@/db/queries/codes";
import { setAccessPolicy } from "@/db/queries/access";
import { ACCESS_POLICY_NAMES } from "@/lib/access";
import { issueDate, pageLabel, paperSlug, recordId } from "@/lib/forms";
import { adminAction } from "../_lib/action";

/** A calendar date as the start (or end) of that day in China Standard Time. */
const cstDay = (date: string, end = false) => new Date(`${date}T${end ? "23:59:59.999" : "00:00:00.000"}+08:00`).toISOString();
const plan = z.string().trim().min(1, "请填写方案名称").max(60, "方案名称不能超过 60 个字");

function paperOrFail(slug: string) {
  return getPaperBySlug(slug) ?? (() => { throw new EditError("not_found", "没有这份报纸"); })();
}

function guard<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof SubscriptionNotFoundError) throw new EditError("not_found", "没有这个读者或订阅");
    if (e instanceof RangeError) throw new EditError("invalid", "结束日期须晚于开始日期");
    throw e;
  }
}

const Grant = z.object({
  email: z.string().trim().toLowerCase().email("请填写读者的邮箱").max(254), paper: paperSlug, plan,
  start: issueDate, end: issueDate,
});

export const grantSubscriptionAction = adminAction({ role: "admin", input: Grant, revalidate: ["/admin/readers"] }, (input, { by }) => {
  const reader = getReaderByEmail(input.email);
  if (!reader) throw new EditError("not_found", "没有用这个邮箱注册的读者");
  const paper = paperOrFail(input.paper);
  guard(() => grantSubscription({
    readerId: reader.id, paperId: paper.id, plan: input.plan, startsAt: cstDay(input.start), endsAt: cstDay(input.end, true),
  }, by));
  return `已为 ${reader.email} 开通订阅`;
});

const Extend = z.object({ subscriptionId: recordId, end: issueDate });

export const extendSubscriptionAction = adminAction({ role: "admin", input: Extend, revalidate: ["/admin/readers"] }, (input, { by }) => {
  guard(() => setSubscriptionEnd(input.subscriptionId, cstDay(input.end, true), by));
  return "有效期已更改";
});

const Revoke = z.object({ subscriptionId: recordId });

export const revokeSubscriptionAction = adminAction({ role: "admin", input: Revoke, revalidate: ["/admin/readers"] }, (input, { by }) => {
  guard(() => revokeSubscription(input.subscriptionId, by));
  return "订阅已撤销";
});

const CodeBatch = z.object({
  paper: paperSlug, plan,
  count: z.coerce.number().int().min(1, "数量至少为 1").max(MAX_BATCH, `一批最多 ${MAX_BATCH} 个`),
  days: z.coerce.number().int().min(1, "天数至少为 1").max(MAX_CODE_DAYS, `最多 ${MAX_CODE_DAYS} 天`),
  redeemBy: issueDate,
});

export const createCodeBatchAction = adminAction({ role: "admin", input: CodeBatch, revalidate: ["/admin/readers/codes"] }, (input, { by }) => {
  const paper = paperOrFail(input.paper);
  const redeemBy = cstDay(input.redeemBy, true);
  if (redeemBy <= new Date().toISOString()) throw new EditError("invalid", "兑换截止日期已过");
  const { batchId, codes } = createCodeBatch({ paperId: paper.id, plan: input.plan, days: input.days, count: input.count, redeemBy }, by);
  return `已生成第 ${batchId} 批，共 ${codes.length} 个激活码`;
});

const Policy = z.object({
  paper: paperSlug, policy: z.enum(ACCESS_POLICY_NAMES, { message: "请选择开放方式" }),
  freeDays: z.coerce.number().int().min(0, "天数不能为负").max(36_500),
  freePages: z.string().max(200).transform((s, ctx) => s.split(/[,，、\s]+/).filter(Boolean).map((raw) => {
    const r = pageLabel.safeParse(raw);
    if (!r.success) { ctx.addIssue({ code: "custom", message: `版次“${raw}”无效` }); return ""; }
    return r.data;
  })),
  meter: z.coerce.number().int().min(0, "篇数不能为负").max(1000),
});

// Every cached reader page of the paper may show more or less now.
export const setAccessPolicyAction = adminAction({ role: "admin", input: Policy, revalidate: ["/", "layout"] }, (input, { by }) => {
  const paper = paperOrFail(input.paper);
  setAccessPolicy(paper.id, {
    policy: input.policy, freeDays: input.policy === "archive" ? input.freeDays : 0,
    freePages: input.policy === "subscribers" ? [...new Set(input.freePages)] : [], meter: input.policy === "open" ? 0 : input.meter,
  }, by);
  return `${paper.name} 的开放方式已保存`;
});
