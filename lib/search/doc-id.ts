// The index's document ids: the day number in the high bits, the article id in the low
// 32, so FTS5's rowid order is newest issue first and a date range is a rowid range, both of
// which FTS5 serves from its index without reading every match. Stays below 2^53 for any date
// isIssueDate accepts (1800..2999).

const LOW = 2 ** 32;
// Days from 1800-01-01 (the earliest issue date accepted) to 1970-01-01, plus one.
const DAY_OFFSET = 62_091 + 1;

function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000 + DAY_OFFSET;
}

export function docId(date: string, articleId: number): number {
  return dayNumber(date) * LOW + articleId;
}

/** The smallest and largest doc ids of issues dated from..to (inclusive; either may be open). */
export function docIdRange(from: string | null | undefined, to: string | null | undefined): { lo: number | null; hi: number | null } {
  return {
    lo: from ? dayNumber(from) * LOW : null,
    hi: to ? dayNumber(to) * LOW + (LOW - 1) : null,
  };
}
