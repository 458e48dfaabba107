// 上一版 / 下一版. rel="prev"/"next" is what the ←/→ keys follow (page-turn-keys.tsx).
// No link prefetches: a prefetched page brings its scan with it, an image this page never shows.
import Link from "next/link";
import type { PageContext } from "@/db/queries/reader-views";
import { pageName } from "@/lib/format";

export function Pager({ ctx }: { ctx: PageContext }) {
  const prev = ctx.pages[ctx.index - 1];
  const next = ctx.pages[ctx.index + 1];
  return (
    <nav className="pager" aria-label="翻版">
      {prev ? (
        <Link rel="prev" href={ctx.links.page(prev.label)} className="pager__link" prefetch={false}>
          <span><span aria-hidden="true">← </span>上一版</span><span className="pager__name">{pageName(prev)}</span>
        </Link>
      ) : <span className="pager__link pager__link--off">已是第一版</span>}
      {next ? (
        <Link rel="next" href={ctx.links.page(next.label)} className="pager__link pager__link--next" prefetch={false}>
          <span>下一版<span aria-hidden="true"> →</span></span><span className="pager__name">{pageName(next)}</span>
        </Link>
      ) : <span className="pager__link pager__link--next pager__link--off">已是最后一版</span>}
    </nav>
  );
}
