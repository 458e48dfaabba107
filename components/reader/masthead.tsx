// The front page's masthead: the paper's name large and red, as printed, above the date line.
import Link from "next/link";
import type { PageContext } from "@/db/queries/reader-views";
import { archiveHref, longDate, pageName } from "@/lib/format";
import { ReaderPrefs } from "./reader-prefs";

export function Masthead({ ctx }: { ctx: PageContext }) {
  const { paper, issue, page, links } = ctx;
  return (
    <header className="masthead">
      <ReaderToolbar paper={paper.slug} month={issue.date.slice(0, 7)} />
      <ReaderPrefs />
      <h1 className="masthead__name">
        <Link href={links.issue} prefetch={false}>{paper.name}</Link>
      </h1>
      {paper.motto && <p className="masthead__motto">{paper.motto}</p>}
      <p className="masthead__meta">
        <time dateTime={issue.date}>{longDate(issue.date)}</time>
        {issue.number != null && <span>第{issue.number}期</span>}
        <span>{pageName(page)}</span>
      </p>
    </header>
  );
}

/** The links every reader header carries: the page list (one tap away on phones), archive, search. */
export function ReaderToolbar({ paper, month }: { paper: string; month: string }) {
  return (
    <ul className="toolbar">
      <li className="toolbar__pages"><a href="#page-nav">版面导航</a></li>
      <li><Link href={archiveHref(paper, month)} prefetch={false}>往期回顾</Link></li>
      <li><Link href="/search" prefetch={false}>检索</Link></li>
    </ul>
  );
}
