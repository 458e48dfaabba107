// Around the issue: 上一期 / 下一期 (published only), the month's calendar, search.
import Link from "next/link";
import type { IssueContext, IssueNav } from "@/db/queries/reader-views";
import { formatIssueDate } from "@/lib/dates";
import { IssueSearchForm } from "@/components/search/issue-search-form";
import { MonthCalendar } from "./month-calendar";

type Props = { ctx: IssueContext; nav: IssueNav };

export function IssueBox({ ctx, nav }: Props) {
  const { paper, issue } = ctx;
  const { prev, next } = nav.adjacent;
  return (
    <section className="side-box issue-box" aria-labelledby="issue-box-title">
      <h2 id="issue-box-title" className="side-box__title">往期与检索</h2>
      <ul className="issue-box__links">
        <li>{prev ? <Link href={`/${paper.slug}/${prev}`} prefetch={false}>上一期 <small>{formatIssueDate(prev)}</small></Link>
          : <span className="is-off">上一期</span>}</li>
        <li>{next ? <Link href={`/${paper.slug}/${next}`} prefetch={false}>下一期 <small>{formatIssueDate(next)}</small></Link>
          : <span className="is-off">下一期</span>}</li>
      </ul>
      <details className="issue-box__calendar">
        <summary>往期回顾</summary>
        <MonthCalendar paper={paper.slug} data={nav.month} current={issue.date} />
      </details>
      <IssueSearchForm paper={paper.slug} date={issue.date} />
      <ul className="issue-box__links">
        <li><Link href={`/${paper.slug}/${issue.date}/contents`} prefetch={false}>本期目录</Link></li>
        <li><Link href="/search" prefetch={false}>检索全部往期</Link></li>
      </ul>
    </section>
  );
}
