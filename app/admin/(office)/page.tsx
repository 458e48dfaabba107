// The back office's front page: papers, each with its issues by date and status.
import Link from "next/link";
import { requireEditor } from "@/app/(auth)/guards";
import { listPapersWithIssuesForEdit } from "@/db/queries/edit-issues";
import { ActionForm } from "@/components/admin/action-form";
import { StatusBadge } from "@/components/admin/status-badge";
import { createIssueAction, createPaperAction } from "@/app/admin/_actions/issues";

export const dynamic = "force-dynamic";
export const metadata = { title: "报纸与期次 · 编辑后台" };

export default async function AdminHome() {
  const { user } = await requireEditor();
  const papers = listPapersWithIssuesForEdit();
  return (
    <>
      <h1>报纸与期次</h1>
      {papers.length === 0 && <p>还没有报纸。{user.role === "admin" ? "请先在下方创建一份。" : "请管理员创建。"}</p>}
      {papers.map((paper) => (
        <section key={paper.id} className="admin-card" aria-labelledby={`paper-${paper.id}`}>
          <h2 id={`paper-${paper.id}`}>{paper.name} <small>（{paper.slug}）</small></h2>
          <ActionForm action={createIssueAction} hidden={{ paper: paper.slug }} submit="新建一期" className="admin-form--inline" label={`${paper.name} 新建一期`} resetOnSuccess>
            <label>日期 <input name="date" type="date" required /></label>
            <label>期号 <input name="number" inputMode="numeric" size={6} /></label>
          </ActionForm>
          {paper.issues.length === 0 ? <p>还没有期次。</p> : (
            <table className="admin-table">
              <thead><tr><th>日期</th><th>期号</th><th>版数</th><th>状态</th></tr></thead>
              <tbody>
                {paper.issues.map((issue) => (
                  <tr key={issue.id}>
                    <td><Link href={`/admin/${paper.slug}/${issue.date}`}>{issue.date}</Link></td>
                    <td>{issue.number ?? "—"}</td>
                    <td>{issue.pageCount}</td>
                    <td><StatusBadge status={issue.status} scheduledAt={issue.scheduledAt} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      {user.role === "admin" && (
        <section className="admin-card" aria-labelledby="new-paper">
          <h2 id="new-paper">新建报纸</h2>
          <ActionForm action={createPaperAction} submit="创建报纸" label="新建报纸" resetOnSuccess>
            <label>标识（网址用） <input name="slug" required pattern="[a-z0-9-]+" placeholder="linlan" /></label>
            <label>报名 <input name="name" required placeholder="临澜日报" /></label>
            <label>报头题字 <input name="motto" placeholder="中共某某市委机关报" /></label>
          </ActionForm>
        </section>
      )}
    </>
  );
}
