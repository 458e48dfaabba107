// Each paper's access policy (admins only): open, archive (newest N days free) or subscribers
// (chosen pages free), with an optional monthly meter. See lib/access.ts.
import { requireAdmin } from "@/app/(auth)/guards";
import { listPapers } from "@/db/queries/papers";
import { getAccessPolicy } from "@/db/queries/access";
import { ActionForm } from "@/components/admin/action-form";
import { ReadersNav } from "@/components/admin/readers-nav";
import { setAccessPolicyAction } from "@/app/admin/_actions/readers";
import { describePolicy } from "@/lib/access";

export const dynamic = "force-dynamic";
export const metadata = { title: "开放方式 · 编辑后台" };

export default async function AccessPage() {
  await requireAdmin();
  return (
    <>
      <h1>开放方式</h1>
      <ReadersNav />
      {listPapers().map((paper) => {
        const p = getAccessPolicy(paper.id);
        return (
          <section key={paper.id} className="admin-card" aria-labelledby={`access-${paper.id}`}>
            <h2 id={`access-${paper.id}`}>{paper.name}</h2>
            <p>现在：{describePolicy(p)}</p>
            <ActionForm action={setAccessPolicyAction} hidden={{ paper: paper.slug }} submit="保存" label={`${paper.name} 的开放方式`}>
              <label>开放方式 <select name="policy" defaultValue={p.policy}>
                <option value="open">全部开放</option>
                <option value="archive">往期订阅（最近若干天免费）</option>
                <option value="subscribers">订户专享（指定版面免费）</option>
              </select></label>
              <label>免费天数（往期订阅） <input name="freeDays" type="number" min={0} max={36500} defaultValue={p.policy === "archive" ? p.freeDays : 7} /></label>
              <label>免费版面（订户专享，如 1,A1） <input name="freePages" defaultValue={p.freePages.join(",")} maxLength={200} /></label>
              <label>登录读者每月免费篇数（0 为不设） <input name="meter" type="number" min={0} max={1000} defaultValue={p.meter} /></label>
            </ActionForm>
          </section>
        );
      })}
    </>
  );
}
