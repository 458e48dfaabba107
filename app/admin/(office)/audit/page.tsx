// The audit log (admins only): who changed what, and when.
import { requireAdmin } from "@/app/(auth)/guards";
import { listAudit } from "@/db/queries/audit";

export const dynamic = "force-dynamic";
export const metadata = { title: "操作记录 · 编辑后台" };

const PAGE_SIZE = 200;

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requireAdmin();
  const n = Math.max(0, Math.min(10_000, Number((await searchParams).page) || 0));
  const rows = listAudit({ limit: PAGE_SIZE, offset: n * PAGE_SIZE });
  return (
    <>
      <h1>操作记录</h1>
      <table className="admin-table">
        <thead><tr><th>时间（北京时间）</th><th>操作人</th><th>操作</th><th>对象</th><th>详情</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td><time dateTime={r.at}>{new Date(r.at).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}</time></td>
              <td>{r.userEmail ?? "系统"}</td>
              <td><code>{r.action}</code></td>
              <td>{r.target ?? ""}</td>
              <td><code className="admin-detail">{r.detail ? JSON.stringify(r.detail) : ""}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="admin-row">
        {n > 0 && <a href={`?page=${n - 1}`}>较新</a>}
        {rows.length === PAGE_SIZE && <a href={`?page=${n + 1}`}>较早</a>}
      </p>
    </>
  );
}
