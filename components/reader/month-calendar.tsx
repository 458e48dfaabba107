// 往期回顾: a month grid, server-rendered, with links on the days that have a published issue.
// Month switching goes through the archive route, so issue pages read no search params.
import Link from "next/link";
import type { MonthData } from "@/db/queries/reader-views";
import { archiveHref } from "@/lib/format";

const WEEK = ["一", "二", "三", "四", "五", "六", "日"];

/** Weeks of a month, Monday first, as day numbers with nulls for the blanks either side. */
export function monthGrid(month: string): (number | null)[][] {
  const [y, m] = month.split("-").map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [...Array(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

const monthTitle = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;

type Props = { paper: string; data: MonthData; current?: string };

export function MonthCalendar({ paper, data, current }: Props) {
  const have = new Set(data.dates);
  return (
    <div className="calendar">
      <div className="calendar__head">
        {data.prevMonth ? (
          <Link href={archiveHref(paper, data.prevMonth)} prefetch={false} aria-label={`上一月：${monthTitle(data.prevMonth)}`}>‹</Link>
        ) : <span aria-hidden="true" />}
        <span className="calendar__title">{monthTitle(data.month)}</span>
        {data.nextMonth ? (
          <Link href={archiveHref(paper, data.nextMonth)} prefetch={false} aria-label={`下一月：${monthTitle(data.nextMonth)}`}>›</Link>
        ) : <span aria-hidden="true" />}
      </div>
      <table className="calendar__grid">
        <caption className="visually-hidden">{monthTitle(data.month)}出版日期</caption>
        <thead>
          <tr>{WEEK.map((d) => <th key={d} scope="col" abbr={`星期${d}`}>{d}</th>)}</tr>
        </thead>
        <tbody>
          {monthGrid(data.month).map((week, w) => (
            <tr key={w}>
              {week.map((day, i) => {
                const date = day && `${data.month}-${String(day).padStart(2, "0")}`;
                return (
                  <td key={i}>
                    {date && have.has(date) ? (
                      <Link href={`/${paper}/${date}`} prefetch={false} aria-current={date === current ? "date" : undefined}
                        aria-label={`${monthTitle(data.month)}${day}日`}>{day}</Link>
                    ) : day}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
