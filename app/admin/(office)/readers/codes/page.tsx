// Activation-code batches (admins only): make a batch, download it as CSV, see how many are used.
import { requireAdmin } from "@/app/(auth)/guards";
import { listCodeBatches } from "@/db/queries/codes";
import { listPapers } from "@/db/queries/papers";
import { ActionForm } from "@/components/admin/action-form";
import { ReadersNav } from "@/components/admin/readers-nav";
import { createCodeBatchAction } from "@/app/admin/_actions/readers";
import { accessToday } from "@/lib/access";
import { addDays } from "@/lib/dates";

export const dynamic = "force-dynamic";
export const metadata = { title: "激活码 · 编辑后台" };

const day = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export default async function CodesPage() {
  await requireAdmin();
  const batches = listCodeBatches();
  const papers = listPapers();
  return (
    <>
      <h1>激活码</h1>
      <ReadersNav />
      <section className="admin-card" aria-labelledby="new-batch">
        <h2 id="new-batch">生成一批激活码</h2>
        <ActionForm action={createCodeBatchAction} submit="生成" label="生成激活码">
          <label>报纸 <select name="paper">{papers.map((p) => <option key={p.id} value={p.slug}>{p.name}</option>)}</select></label>
          <label>方案 <input name="plan" defaultValue="印刷版订户" required maxLength={60} /></label>
          <label>数量 <input name="count" type="number" min={1} max={10000} defaultValue={100} required /></label>
          <label>每个开通天数 <input name="days" type="number" min={1} max={3660} defaultValue={365} required /></label>
          <label>兑换截止 <input name="redeemBy" type="date" defaultValue={addDays(accessToday(), 365)} required /></label>
        </ActionForm>
      </section>
      <table className="admin-table">
        <thead><tr><th>批次</th><th>报纸</th><th>方案</th><th>天数</th><th>已用/总数</th><th>兑换截止</th><th>创建</th><th></th></tr></thead>
        <tbody>
          {batches.map((b) => (
            <tr key={b.id}>
              <td>{b.id}</td><td>{b.paperSlug}</td><td>{b.plan}</td><td>{b.days}</td><td>{b.used}/{b.count}</td>
              <td>{day(b.redeemBy)}</td><td>{day(b.createdAt)} {b.createdBy ?? "命令行"}</td>
              <td><a href={`/api/admin/codes/${b.id}`} download>下载 CSV</a></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
