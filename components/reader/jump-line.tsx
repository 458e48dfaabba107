// (下转三版) / (上接一版) as printed, but a link to the other end when it exists. A plain <a>
// on purpose: a full load makes the target piece match :target, which client navigation
// (history.pushState) does not.
import type { PieceOnPage } from "@/db/queries/pages";
import { jumpFromText, jumpToText, type IssueLinks } from "@/lib/format";

type Jump = NonNullable<PieceOnPage["jumpTo"]>;

export function JumpLine({ jump, dir, links }: { jump: Jump; dir: "to" | "from"; links: IssueLinks }) {
  const text = dir === "to" ? jumpToText(jump.label) : jumpFromText(jump.label);
  // An unresolved jump stays printed text: never a link to nowhere.
  if (!jump.target) return <span className="jump jump--plain">{text}</span>;
  return (
    <a className="jump" href={links.piece(jump.target.pageLabel, jump.target.pieceId)}>
      {text}
    </a>
  );
}
