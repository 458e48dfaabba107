// 往期回顾 for one month: /{paper}/archive/{YYYY-MM}. Its own route so that the issue pages stay
// static: month switching never reads search params there.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPublishedDateRange } from "@/db/queries/issues";
import { formatIssueDate, weekday } from "@/lib/dates";
import { MonthCalendar } from "@/components/reader/month-calendar";
import { ReaderPrefs } from "@/components/reader/reader-prefs";
import { IslandScript } from "@/components/reader/island-script";
import { loadMonth, loadPaper } from "../../_lib/load";

// Rendered per request and kept only by the server's response cache, which follows the
// database (server/http-cache.ts): nothing in .next/ can outlive what the database says.
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ paper: string; month: string }> };

/** The paper and month, when the month is well formed and within the paper's published run. */
function loadArchive(slug: string, month: string) {
  const paper = loadPaper(slug);
  if (!/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(month)) notFound();
  const { first, last } = getPublishedDateRange(paper.id);
  if (!first || !last || month < first.slice(0, 7) || month > last.slice(0, 7)) notFound();
  return { paper, data: loadMonth(paper.id, month) };
}

const monthTitle = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { paper, month } = await params;
  const { paper: p } = loadArchive(paper, month);
  return { title: `往期回顾 ${monthTitle(month)} - ${p.name}` };
}

export default async function ArchivePage({ params }: Params) {
  const { paper: slug, month } = await params;
  const { paper, data } = loadArchive(slug, month);
  return (
    <div className="reader reader--archive">
      <header className="page-header">
        <Link prefetch={false} className="page-header__paper" href={`/${paper.slug}`}>{paper.name}</Link>
        <h1 className="page-header__title">往期回顾 · {monthTitle(month)}</h1>
        <ul className="toolbar"><li><Link href="/search" prefetch={false}>检索</Link></li></ul>
        <ReaderPrefs />
      </header>
      <main id="main" className="archive" tabIndex={-1}>
        <MonthCalendar paper={paper.slug} data={data} />
        {data.dates.length > 0 ? (
          <ul className="archive__list" aria-label={`${monthTitle(month)}各期`}>
            {data.dates.map((d) => (
              <li key={d}><Link href={`/${paper.slug}/${d}`} prefetch={false}>{formatIssueDate(d)} {weekday(d)}</Link></li>
            ))}
          </ul>
        ) : <p className="archive__empty">本月没有出版的报纸。</p>}
      </main>
      <IslandScript />
    </div>
  );
}
