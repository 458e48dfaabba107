// 我的账户: who I am, my subscriptions, 继续阅读, and code redemption.
import type { Metadata } from "next";
import { continueReading } from "@/db/queries/reader-library";
import { listSubscriptionsOfReader } from "@/db/queries/subscriptions";
import { requireReader } from "@/app/(auth)/reader-session";
import { RedeemForm } from "@/components/subscribe/redeem-form";
import { SignOutButton } from "@/components/subscribe/account-actions";
import { articleHref } from "@/components/subscribe/saved-list";

export const metadata: Metadata = { title: "我的账户 - 版面" };

const day = (iso: string) => new Date(iso).toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" });

export default async function AccountPage() {
  const { reader } = await requireReader("/account");
  const subs = listSubscriptionsOfReader(reader.id);
  const now = new Date().toISOString();
  const resume = continueReading(reader.id);
  return (
    <>
      <h1>我的账户</h1>
      <p className="account-note">{reader.email} <SignOutButton /></p>
      {resume && (
        <section aria-labelledby="resume">
          <h2 id="resume">继续阅读</h2>
          <p><a href={articleHref(resume, true)}>{resume.title || resume.kicker || "（无题）"}</a>
            <span className="saved-list__meta"> · 已读 {Math.round((resume.progress ?? 0) * 100)}%</span></p>
        </section>
      )}
      <section aria-labelledby="subs">
        <h2 id="subs">我的订阅</h2>
        {subs.length === 0 ? <p className="account-note">暂无订阅。</p> : (
          <table className="account-table">
            <thead><tr><th>报纸</th><th>方案</th><th>起</th><th>止</th><th>状态</th></tr></thead>
            <tbody>
              {subs.map((s) => (
                <tr key={s.id}>
                  <td>{s.paperSlug}</td><td>{s.plan}</td><td>{day(s.startsAt)}</td><td>{day(s.endsAt)}</td>
                  <td>{s.revokedAt ? "已撤销" : s.endsAt <= now ? "已到期" : s.startsAt > now ? "未开始" : "有效"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="redeem">
        <h2 id="redeem">兑换激活码</h2>
        <RedeemForm />
      </section>
    </>
  );
}
