// The pieces printed on a page, in reading order, each with its edit, split and merge controls.
import Link from "next/link";
import type { PieceOnPage } from "@/db/queries/pages";
import { mergePieceAction, splitPieceAction } from "@/app/admin/_actions/articles";
import { storyTitle } from "@/lib/format";
import { ActionForm } from "./action-form";

type Ref = { paper: string; date: string };

export function PageTextList({ issueRef, pieces }: { issueRef: Ref; pieces: PieceOnPage[] }) {
  if (pieces.length === 0) return <p>本版还没有文字。</p>;
  const base = `/admin/${issueRef.paper}/${issueRef.date}`;
  return (
    <ol className="admin-pieces">
      {pieces.map((p, i) => {
        const name = storyTitle(p.seq > 0 ? p.headline ?? p.title : p.title, p.paragraphs, p.headline);
        return (
          <li key={p.id} className="admin-piece-row">
            <Link href={`${base}/article/${p.articleId}`}>{name}</Link>
            <span className="admin-muted">
              {p.paragraphs.length} 段{p.seq > 0 && "（续文）"}{p.zone ? " · 有热区" : ""}
              {p.jumpTo && ` · 下转${p.jumpTo.label}版${p.jumpTo.target ? "" : "（未接上）"}`}
              {p.jumpFrom && ` · 上接${p.jumpFrom.label}版${p.jumpFrom.target ? "" : "（未接上）"}`}
            </span>
            {p.paragraphs.length > 1 && (
              <ActionForm action={splitPieceAction} hidden={{ ...issueRef, pieceId: p.id }} className="admin-form--inline" submit="拆分" label={`拆分「${name}」`}>
                <label>从第 <select name="at" defaultValue={1}>
                  {/* biome-ignore lint/suspicious/noArrayIndexKey: the option is the paragraph's position. */}
                  {p.paragraphs.slice(1).map((_, k) => <option key={k} value={k + 1}>{k + 2}</option>)}
                </select> 段起另成一篇</label>
              </ActionForm>
            )}
            {i > 0 && p.seq === 0 && (
              <ActionForm action={mergePieceAction} hidden={{ ...issueRef, pieceId: p.id }} className="admin-form--inline"
                confirm="把这一篇并入上一篇？">
                <button type="submit">并入上一篇</button>
              </ActionForm>
            )}
          </li>
        );
      })}
    </ol>
  );
}
