// An inside page's slim header (版次 · 版名 · 日期), and the article view's, which names no page.
import Link from "next/link";
import { displayLabel } from "@/lib/labels";
import { formatIssueDate } from "@/lib/dates";
import type { IssueContext } from "@/db/queries/reader-views";
import { ReaderToolbar } from "./masthead";
import { ReaderPrefs } from "./reader-prefs";

type Props = { ctx: IssueContext; page?: { label: string; section: string | null } };

export function PageHeader({ ctx, page }: Props) {
  const { paper, issue, links } = ctx;
  const date = <time dateTime={issue.date}>{formatIssueDate(issue.date)}</time>;
  return (
    <header className="page-header">
      <Link className="page-header__paper" href={links.issue} prefetch={false}>{paper.name}</Link>
      {page ? (
        <h1 className="page-header__title">
          {displayLabel(page.label)}
          {page.section && <> · {page.section}</>}
          <span className="page-header__date"> · {date}</span>
        </h1>
      ) : (
        <p className="page-header__title">
          {date}
          {issue.number != null && <> · 第{issue.number}期</>}
        </p>
      )}
      <ReaderToolbar paper={paper.slug} month={issue.date.slice(0, 7)} />
      <ReaderPrefs />
    </header>
  );
}
