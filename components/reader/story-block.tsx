// One piece on a typeset page: kicker / title / subtitle, byline, the opening text and its jump
// line. The whole block is a link to the article through its title link's stretched ::after,
// so the jump links inside it are not nested links.
import Link from "next/link";
import type { CSSProperties } from "react";
import type { Zone } from "@/db/queries/pages";
import type { ReaderPiece } from "@/db/queries/reader-views";
import { openingParagraphs, pieceHeadline, type IssueLinks } from "@/lib/format";
import { JumpLine } from "./jump-line";

type Props = { piece: ReaderPiece; links: IssueLinks; lead?: boolean; place?: Zone | null };

/** How much opening text a block carries: what its zone can show, or a teaser in flowing columns. */
function textBudget(place: Zone | null | undefined, lead: boolean): number {
  if (place) return Math.ceil(place.w * place.h * 2600) + 120;
  return lead ? 900 : 480;
}

export function StoryBlock({ piece, links, lead = false, place }: Props) {
  const continuation = piece.jumpFrom != null;
  const style = place
    ? ({ "--x": place.x, "--y": place.y, "--w": place.w, "--h": place.h } as CSSProperties)
    : undefined;
  const className = ["story", lead && "story--lead", continuation && "story--cont", place && "story--placed"]
    .filter(Boolean).join(" ");
  return (
    <article id={`piece-${piece.id}`} data-piece-id={piece.id} data-article-id={piece.articleId} className={className} style={style}
      aria-labelledby={`piece-${piece.id}-title`}>
      {!continuation && piece.column && <p className="story__column">{piece.column}</p>}
      {!continuation && piece.kicker && <p className="story__kicker">{piece.kicker}</p>}
      <h2 className="story__title" id={`piece-${piece.id}-title`}>
        <Link className="story__link" href={links.article(piece.articleId)} prefetch={false}>{pieceHeadline(piece)}</Link>
      </h2>
      {continuation && piece.jumpFrom && (
        <p className="story__jump story__jump--from"><JumpLine jump={piece.jumpFrom} dir="from" links={links} /></p>
      )}
      {!continuation && piece.subtitle && <p className="story__subtitle">{piece.subtitle}</p>}
      {!continuation && piece.byline && <p className="story__byline">{piece.byline}</p>}
      <div className="story__body">
        {openingParagraphs(piece.paragraphs, textBudget(place, lead)).map((p, i) => <p key={i}>{p}</p>)}
      </div>
      {piece.jumpTo && (
        <p className="story__jump"><JumpLine jump={piece.jumpTo} dir="to" links={links} /></p>
      )}
    </article>
  );
}
