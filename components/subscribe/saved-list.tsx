// A list of kept articles (收藏 or 阅读历史), linking back to each story.
import type { SavedArticle } from "@/db/queries/reader-library";
import { formatIssueDate } from "@/lib/dates";
import { displayLabel } from "@/lib/labels";

export function articleHref(a: SavedArticle, resume = false): string {
  const base = `/${a.paperSlug}/${a.date}/article/${a.articleId}`;
  return resume && a.progress ? `${base}#read-${Math.min(99, Math.round(a.progress * 100))}` : base;
}

export function SavedList({ items, empty, label, showProgress = false }: {
  items: SavedArticle[]; empty: string; label: string; showProgress?: boolean;
}) {
  if (items.length === 0) return <p className="account-note">{empty}</p>;
  return (
    <ol className="saved-list" aria-label={label}>
      {items.map((a) => (
        <li key={a.articleId}>
          <a href={articleHref(a, showProgress)}>{a.title || a.kicker || "（无题）"}</a>
          <span className="saved-list__meta">
            {a.paperName} · {formatIssueDate(a.date)} {displayLabel(a.pageLabel)}
            {showProgress ? ` · 已读 ${Math.round((a.progress ?? 0) * 100)}%` : ""}
          </span>
        </li>
      ))}
    </ol>
  );
}
