// 版面导航: every page of the issue, the current one marked, with a small thumbnail where a scan exists.
import Link from "next/link";
import type { IssueContext } from "@/db/queries/reader-views";
import { imageVariantUrl, THUMB_WIDTH } from "@/lib/images";
import { pageName, publicUrl } from "@/lib/format";

export function PageNav({ ctx, current }: { ctx: IssueContext; current?: number }) {
  return (
    <nav id="page-nav" className="side-box page-nav" aria-labelledby="page-nav-title">
      <h2 id="page-nav-title" className="side-box__title">版面导航</h2>
      <ol className="page-nav__list">
        {ctx.pages.map((p, i) => (
          <li key={p.id}>
            {/* No prefetch: it would preload each page's scan, which this page never shows. */}
            <Link href={ctx.links.page(p.label)} aria-current={i === current ? "page" : undefined}
              className="page-nav__link" prefetch={false}>
              {p.imagePath && (
                <img className="page-nav__thumb" src={imageVariantUrl(publicUrl(p.imagePath), THUMB_WIDTH) ?? publicUrl(p.imagePath)} alt="" loading="lazy" decoding="async"
                  width={36} height={p.imageWidth && p.imageHeight ? Math.round((36 * p.imageHeight) / p.imageWidth) : 50} />
              )}
              <span>{pageName(p)}</span>
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
