// One issue in the back office: its pages, uploads, jumps and publishing.
import Link from "next/link";
import { requireEditor } from "@/app/(auth)/guards";
import { listPagesForEdit } from "@/db/queries/edit-pages";
import { listJumpsForEdit, listUncertainLinksForEdit } from "@/db/queries/edit-jumps";
import { StatusBadge } from "@/components/admin/status-badge";
import { PublishControls } from "@/components/admin/publish-controls";
import { IssuePages } from "@/components/admin/issue-pages";
import { IssueJumps } from "@/components/admin/issue-jumps";
import { Uploader } from "@/components/admin/uploader";
import { IssueDrop } from "@/components/admin/issue-drop";
import { issueOrNotFound } from "@/app/admin/_lib/load";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ paper: string; date: string }> };

export async function generateMetadata({ params }: Params) {
  const { paper, date } = await params;
  return { title: `${date} · ${paper} · 编辑后台` };
}

export default async function IssuePage({ params }: Params) {
  await requireEditor();
  const { paper, date } = await params;
  const issue = issueOrNotFound(paper, date);
  const pages = listPagesForEdit(issue.id);
  const jumps = listJumpsForEdit(issue.id);
  const ref = { paper: issue.paper.slug, date: issue.date };
  return (
    <>
      <p className="admin-crumbs"><Link href="/admin">报纸与期次</Link> › {issue.paper.name}</p>
      <h1>
        {issue.paper.name} {issue.date}{issue.number != null && <> · 第{issue.number}期</>}{" "}
        <StatusBadge status={issue.status} scheduledAt={issue.scheduledAt} />
      </h1>
      <PublishControls issue={issue} hasPages={pages.length > 0} uncertainLinks={listUncertainLinksForEdit(issue.id).length} />
      <section className="admin-card" aria-labelledby="pages-title">
        <h2 id="pages-title">版面</h2>
        <IssuePages issueRef={ref} pages={pages} />
      </section>
      <section className="admin-card" aria-labelledby="drop-title">
        <h2 id="drop-title">导入本期 PDF</h2>
        <IssueDrop issueRef={ref} published={issue.status === "published"} />
      </section>
      <section className="admin-card" aria-labelledby="upload-title">
        <h2 id="upload-title">上传版面图或 PDF</h2>
        <Uploader issueRef={ref} labels={pages.map((p) => p.label)} />
      </section>
      <section className="admin-card" aria-labelledby="jumps-title">
        <h2 id="jumps-title">转版</h2>
        <IssueJumps issueRef={ref} jumps={jumps} />
      </section>
    </>
  );
}
