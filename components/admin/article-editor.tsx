// An article's fields and each piece's paragraphs, saved together in one transaction.
import { Fragment } from "react";
import type { ArticleForEdit } from "@/db/queries/edit-articles";
import { updateArticleAction } from "@/app/admin/_actions/articles";
import { displayLabel } from "@/lib/labels";
import { joinParagraphs } from "@/lib/forms";
import { ActionForm } from "./action-form";

const FIELDS = [
  ["kicker", "引题"], ["title", "主题"], ["subtitle", "副题"], ["column", "栏目"], ["byline", "作者"],
] as const;

export function ArticleEditor({ issueRef, article }: { issueRef: { paper: string; date: string }; article: ArticleForEdit }) {
  return (
    <ActionForm action={updateArticleAction} hidden={{ ...issueRef, articleId: article.id }} submit="保存文章" label="编辑文章">
      {/* After a save the page re-renders with the stored values: remount the fields (not the
          form, whose answer must stay on screen) so their defaults show what was stored. */}
      <Fragment key={JSON.stringify(article)}>
      {FIELDS.map(([k, label]) => (
        <label key={k}>{label}<input name={k} defaultValue={article[k] ?? ""} maxLength={k === "column" ? 60 : 200} /></label>
      ))}
      {article.pieces.map((p) => (
        <fieldset key={p.id} className="admin-piece" aria-label={`${displayLabel(p.pageLabel)}的文字`}>
          <legend>{displayLabel(p.pageLabel)}{p.section && ` · ${p.section}`}{p.seq > 0 && "（续文）"}</legend>
          <input type="hidden" name="pieceId" value={p.id} />
          {p.seq > 0 && <label>转版标题<input name={`headline.${p.id}`} defaultValue={p.headline ?? ""} /></label>}
          {p.seq === 0 && p.headline != null && <input type="hidden" name={`headline.${p.id}`} value={p.headline} />}
          <label>正文（段与段之间空一行）
            <textarea name={`paragraphs.${p.id}`} rows={Math.min(24, 4 + p.paragraphs.length * 2)} defaultValue={joinParagraphs(p.paragraphs)} />
          </label>
        </fieldset>
      ))}
      </Fragment>
    </ActionForm>
  );
}
