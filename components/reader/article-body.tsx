// A story's text, piece by piece, with a marker where each later part begins. Shared by an open
// article (article-view.tsx) and a gated story's opening (subscribe/paywall-panel.tsx);
// subscribe/paywall.island.ts builds the same shape in the browser for a subscriber's full text.
import { displayLabel } from "@/lib/labels";

type Piece = { id: number; pageLabel: string; paragraphs: string[] };

export function ArticleBody({ pieces, pieceHref, access }: {
  pieces: Piece[]; pieceHref: Record<number, string>; access?: "opening";
}) {
  return (
    <div className="article__body" data-article-body data-access={access}>
      {pieces.map((piece, i) => (
        <section key={piece.id} className="article__part" data-piece-id={piece.id}
          aria-label={i > 0 ? `续${displayLabel(piece.pageLabel)}` : undefined}>
          {i > 0 && (
            <p className="article__continues">
              {/* A full load so the piece is :target on arrival (see jump-line.tsx). */}
              <a href={pieceHref[piece.id]}>——以下内容见{displayLabel(piece.pageLabel)}</a>
            </p>
          )}
          {piece.paragraphs.map((p, j) => <p key={j}>{p}</p>)}
        </section>
      ))}
    </div>
  );
}
