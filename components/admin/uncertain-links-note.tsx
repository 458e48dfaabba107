// Shown above a preview: the jump links that were made by reading order alone, so the
// editor reads those seams before publishing.
import Link from "next/link";
import type { UncertainLink } from "@/db/queries/imports";
import { displayLabel } from "@/lib/labels";

export function UncertainLinksNote({ links, articleHref }: { links: UncertainLink[]; articleHref: (id: number) => string }) {
  if (links.length === 0) return null;
  return (
    <div className="admin-preview-banner admin-preview-banner--warn" role="note" aria-label="待核对的转版">
      本期有 {links.length} 处转版待核对（按版面顺序自动接上，没有转版标题可以印证）：
      <ul>
        {links.map((l) => (
          <li key={l.pieceId}>
            <Link href={articleHref(l.articleId)}>《{l.title ?? "无题"}》{displayLabel(l.from)} → {displayLabel(l.to)}{l.headline ? `「${l.headline}」` : ""}</Link>
          </li>
        ))}
      </ul>
      确认无误或断开，请到编辑后台的“转版”一栏。
    </div>
  );
}
