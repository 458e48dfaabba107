// Zones of one page: where each story sits on the page image.
import Link from "next/link";
import { requireEditor } from "@/app/(auth)/guards";
import { listPiecesOnPageForEdit } from "@/db/queries/pages";
import { displayLabel } from "@/lib/labels";
import { storyTitle } from "@/lib/format";
import { ZoneEditor } from "@/components/admin/zone-editor";
import { issueOrNotFound, pageOrNotFound } from "@/app/admin/_lib/load";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ paper: string; date: string; page: string }> };

export async function generateMetadata({ params }: Params) {
  const { paper, date, page } = await params;
  return { title: `画热区 · ${page}版 · ${date} · ${paper} · 编辑后台` };
}

export default async function ZonesPage({ params }: Params) {
  await requireEditor();
  const { paper, date, page: rawLabel } = await params;
  const issue = issueOrNotFound(paper, date);
  const page = pageOrNotFound(issue, rawLabel);
  // The importer's doubts about a piece, marked on its zone (pieces keep their import position).
  const doubtOf = (position: number) => page.importReport?.doubts.filter((d) => d.piece === position).map((d) => d.message).join("；") || null;
  const pieces = listPiecesOnPageForEdit(page.id).map((p) => ({
    id: p.id, zones: p.zones, doubt: doubtOf(p.position), name: storyTitle(p.seq > 0 ? p.headline ?? p.title : p.title, p.paragraphs, p.headline),
  }));
  const base = `/admin/${issue.paper.slug}/${issue.date}`;
  return (
    <>
      <p className="admin-crumbs">
        <Link href="/admin">报纸与期次</Link> › <Link href={base}>{issue.paper.name} {issue.date}</Link> ›{" "}
        <Link href={`${base}/${page.label}`}>{displayLabel(page.label)}</Link> › 热区
      </p>
      <h1>{displayLabel(page.label)} 热区</h1>
      {!page.imagePath || !page.imageWidth || !page.imageHeight ? <p>本版还没有版面图，请先在期次页上传。</p>
        : pieces.length === 0 ? <p>本版还没有文字，请先导入文字。</p>
        : <ZoneEditor issueRef={{ paper: issue.paper.slug, date: issue.date }} pageId={page.id}
            image={{ src: page.imagePath, width: page.imageWidth, height: page.imageHeight }} pieces={pieces} />}
    </>
  );
}
