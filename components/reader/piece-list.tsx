// 本版标题: this page's stories in reading order, and the page's PDF where there is one. On a scanned page it also carries the jump links
// (the scan's printed 下转 lines are only pixels) and the anchor of any piece without a zone.
import Link from "next/link";
import type { PageContext } from "@/db/queries/reader-views";
import { pieceHeadline, publicUrl } from "@/lib/format";
import { JumpLine } from "./jump-line";

export function PieceList({ ctx, scanned }: { ctx: PageContext; scanned: boolean }) {
  const { pieces, links } = ctx;
  return (
    <section className="side-box piece-list" aria-labelledby="piece-list-title">
      <h2 id="piece-list-title" className="side-box__title">本版标题</h2>
      {pieces.length === 0 ? <p className="side-box__empty">本版暂无文章。</p> : (
        <ol className="piece-list__list">
          {pieces.map((p) => {
            const anchored = scanned && p.zones.length === 0;
            return (
              <li key={p.id} id={anchored ? `piece-${p.id}` : undefined} data-piece-id={anchored ? p.id : undefined}
                className="piece-list__item">
                <Link href={links.article(p.articleId)} prefetch={false}>{pieceHeadline(p)}</Link>
                {scanned && p.jumpFrom && <> <JumpLine jump={p.jumpFrom} dir="from" links={links} /></>}
                {scanned && p.jumpTo && <> <JumpLine jump={p.jumpTo} dir="to" links={links} /></>}
              </li>
            );
          })}
        </ol>
      )}
      {ctx.page.pdfPath && (
        <p className="piece-list__pdf">
          <a href={publicUrl(ctx.page.pdfPath)} download>下载本版</a>
          {/* The whole issue exists as one PDF only when every page came as one. */}
          {ctx.pages.every((p) => p.pdfPath) && <> · <a href={`${links.issue}/issue.pdf`} download>下载全部版面</a></>}
        </p>
      )}
    </section>
  );
}
