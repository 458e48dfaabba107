// Readers and their subscriptions (admins only): find a reader, grant, extend or revoke.
import { requireAdmin } from "@/app/(auth)/guards";
import { listReaders } from "@/db/queries/readers";
import { listSubscriptionsOfReader } from "@/db/queries/subscriptions";
import { listPapers } from "@/db/queries/papers";
import { ActionForm } from "@/components/admin/action-form";
import { ReadersNav } from "@/components/admin/readers-nav";
import { extendSubscriptionAction, grantSubscriptionAction, revokeSubscriptionAction } from "@/app/admin/_actions/readers";
import { accessToday } from "@/lib/access";
import { addDays } from "@/lib/dates";

export const dynamic = "force-dynamic";
export const metadata = { title: "读者与订阅 · 编辑后台" };

const day = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const SOURCES = { admin: "后台开通", code: "激活码", webhook: "支付" } as const;

export default async function ReadersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  await requireAdmin();
  const raw = (await searchParams).q;
  const q = typeof raw === "string" ? raw.trim().slice(0, 100) : "";
  const readers = listReaders({ q: q || null });
  const papers = listPapers();
  const today = accessToday();
  const now = new Date().toISOString();
  return (
    <>
      <h1>读者与订阅</h1>
      <ReadersNav />
      {/* biome-ignore lint/a11y/useSemanticElements: the search role on the form is what screen readers announce today. */}
      <form className="admin-form admin-form--inline" role="search" method="get">
        <label>邮箱 <input name="q" defaultValue={q} maxLength={100} /></label>
        <button type="submit">查找</button>
      </form>
      <section className="admin-card" aria-labelledby="grant">
        <h2 id="grant">开通订阅</h2>
        <ActionForm action={grantSubscriptionAction} submit="开通" label="开通订阅" resetOnSuccess>
          <label>读者邮箱 <input name="email" type="email" required autoComplete="off" /></label>
          <label>报纸 <select name="paper">{papers.map((p) => <option key={p.id} value={p.slug}>{p.name}</option>)}</select></label>
          <label>方案 <input name="plan" defaultValue="年度订阅" required maxLength={60} /></label>
          <label>开始 <input name="start" type="date" defaultValue={today} required /></label>
          <label>结束 <input name="end" type="date" defaultValue={addDays(today, 365)} required /></label>
        </ActionForm>
      </section>
      <table className="admin-table">
        <thead><tr><th>读者</th><th>注册</th><th>订阅</th></tr></thead>
        <tbody>
          {readers.map((r) => (
            <tr key={r.id} data-email={r.email}>
              <td>{r.email}</td>
              <td>{day(r.createdAt)}</td>
              <td>
                {listSubscriptionsOfReader(r.id).map((s) => (
                  <div key={s.id} className="admin-sub">
                    {s.paperSlug} · {s.plan} · {day(s.startsAt)} 至 {day(s.endsAt)} · {SOURCES[s.source]} ·{" "}
                    {s.revokedAt ? "已撤销" : s.endsAt <= now ? "已到期" : "有效"}
                    {!s.revokedAt && (
                      <>
                        <ActionForm action={extendSubscriptionAction} hidden={{ subscriptionId: s.id }} className="admin-form--inline" submit="改期" label={`订阅 ${s.id} 的结束日期`}>
                          <input name="end" type="date" defaultValue={day(s.endsAt)} required aria-label="结束日期" />
                        </ActionForm>
                        <ActionForm action={revokeSubscriptionAction} hidden={{ subscriptionId: s.id }} className="admin-form--inline" confirm={`撤销 ${r.email} 的这项订阅？`}>
                          <button type="submit">撤销</button>
                        </ActionForm>
                      </>
                    )}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {readers.length === 0 && <p>没有找到读者。</p>}
    </>
  );
}
