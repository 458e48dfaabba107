// Zones of one page: where each story sits on the page image.
import Link from "next/link";
import { requireEditor } from "@/lib/auth/guards";
import { listPiecesOnPage } from "@/db/queries/pages";
import { displayLabel } from "@/lib/labels";
import { storyTitle } from "@/components/reader/format";
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
  const pieces = listPiecesOnPage(page.id).map((p) => ({
    id: p.id, zone: p.zone, name: storyTitle(p.seq > 0 ? p.headline ?? p.title : p.title, p.paragraphs, p.headline),
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
