// The issues the fault cases write: invented text, a known shape (so a half-written issue shows).
import type { IssueInput } from "../../lib/import-types";

export const FAULT_PAPER = { slug: "faults", name: "故障演练报" };
export const PAGES_PER_ISSUE = 4;
export const PIECES_PER_PAGE = 6;

/** The i-th test issue: a date counted from 2001-01-01, four pages of six stories each. */
export function faultIssue(i: number, publish = false): IssueInput {
  const date = new Date(Date.UTC(2001, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  return {
    paper: FAULT_PAPER, date, publish,
    pages: Array.from({ length: PAGES_PER_ISSUE }, (_, p) => ({
      label: String(p + 1), section: `第${p + 1}版`,
      pieces: Array.from({ length: PIECES_PER_PAGE }, (_, k) => ({
        kicker: null, title: `演练稿件${i}-${p + 1}-${k + 1}`, subtitle: null, column: null, byline: null,
        paragraphs: [`第${i}期第${p + 1}版第${k + 1}篇，用于检验断电与强制结束时已确认的写入不会丢失。`.repeat(4)],
        jumpTo: null, jumpFrom: null,
      })),
    })),
  };
}
