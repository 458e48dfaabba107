// One page of an issue: its pieces (to edit, split, merge) and its text (paste, correct, save).
import Link from "next/link";
import { requireEditor } from "@/app/(auth)/guards";
import { listPiecesOnPageForEdit } from "@/db/queries/pages";
import { displayLabel } from "@/lib/labels";
import { TextImport } from "@/components/admin/text-import";
import { PageTextList } from "@/components/admin/page-text-list";
import { ImportReport } from "@/components/admin/import-report";
import { issueOrNotFound, pageOrNotFound } from "@/app/admin/_lib/load";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ paper: string; date: string; page: string }> };

// Each tab its own title (URL parts only: nothing is read before the guard).
export async function generateMetadata({ params }: Params) {
  const { paper, date, page } = await params;
  return { title: `${page}版 · ${date} · ${paper} · 编辑后台` };
}

export default async function EditPage({ params }: Params) {
  await requireEditor();
  const { paper, date, page: rawLabel } = await params;
  const issue = issueOrNotFound(paper, date);
  const page = pageOrNotFound(issue, rawLabel);
  // listPiecesOnPageForEdit reads any page it is given; this one was checked to belong to the issue.
  const pieces = listPiecesOnPageForEdit(page.id);
  const ref = { paper: issue.paper.slug, date: issue.date };
  const base = `/admin/${ref.paper}/${ref.date}`;
  return (
    <>
      <p className="admin-crumbs">
        <Link href="/admin">报纸与期次</Link> › <Link href={base}>{issue.paper.name} {issue.date}</Link> › {displayLabel(page.label)}
      </p>
      <h1>{displayLabel(page.label)}{page.section && <> · {page.section}</>}</h1>
      <p className="admin-row">
        {page.imagePath && <Link className="admin-button" href={`${base}/${page.label}/zones`}>画热区</Link>}
        <Link className="admin-button" href={`/admin/preview/${ref.paper}/${ref.date}/${page.label}`}>预览本版</Link>
      </p>
      {page.importReport && (
        <section className="admin-card" aria-labelledby="report-title">
          <h2 id="report-title">导入结果</h2>
          <ImportReport report={page.importReport} />
          {page.imagePath && <p><Link href={`${base}/${page.label}/zones`}>在版面图上核对文章和热区</Link></p>}
        </section>
      )}
      <section className="admin-card" aria-labelledby="pieces-title">
        <h2 id="pieces-title">本版文章（{pieces.length}）</h2>
        <PageTextList issueRef={ref} pieces={pieces} />
      </section>
      <section className="admin-card" aria-labelledby="text-title">
        <h2 id="text-title">{pieces.length ? "替换本版文字" : "导入本版文字"}</h2>
        <TextImport issueRef={ref} label={page.label} hasText={pieces.length > 0} />
      </section>
    </>
  );
}
