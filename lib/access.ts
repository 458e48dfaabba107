// Who may read a piece of a paper's full text. Pure: the caller supplies the paper's policy, what
// is being read, the reader's standing and "today". Every route that can carry full text (article
// pages, the API, feeds, search snippets, PDFs, ALTO, page scans) asks `canReadFullText`, or its
// database-backed twin in db/queries/access.ts.
//
//  open         everyone reads everything (the default);
//  archive      everyone reads the newest `freeDays` days of issues, subscribers everything;
//  subscribers  subscribers only, except the pages named in `freePages` (e.g. the front page).
// A paper may add a monthly meter: a signed-in reader without a subscription reads `meter`
// gated articles a month in full.

export const ACCESS_POLICY_NAMES = ["open", "archive", "subscribers"] as const;
export type AccessPolicyName = (typeof ACCESS_POLICY_NAMES)[number];

export type AccessPolicy = {
  policy: AccessPolicyName;
  freeDays: number;
  freePages: string[];
  meter: number;
};

export const OPEN_ACCESS: AccessPolicy = { policy: "open", freeDays: 0, freePages: [], meter: 0 };

/** What is being read: an article (its first page) or a whole page, of an issue. */
export type AccessContent = { issueDate: string; pageLabel: string };

/** The reader's standing with this paper. `meterAllows`: the meter would let this article through. */
export type ReaderStanding = { subscriber: boolean; meterAllows?: boolean } | null;

/** Days from `from` to `to` (calendar dates, YYYY-MM-DD). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Free to everyone, anonymous included. An issue dated in the future (a late-night publish
 * ahead of the date) counts as the newest. freeDays = 1 means today's issue only.
 */
export function isFreeToAll(policy: AccessPolicy, content: AccessContent, today: string): boolean {
  switch (policy.policy) {
    case "open":
      return true;
    case "archive":
      return daysBetween(content.issueDate, today) < policy.freeDays;
    case "subscribers":
      return policy.freePages.includes(content.pageLabel);
  }
}

/**
 * A piece as its page shows it. Under "subscribers" a free page shows in full only the stories
 * that start there: a continuation belongs to a story whose first page decides.
 */
export function isPieceFreeToAll(policy: AccessPolicy, piece: AccessContent & { seq: number }, today: string): boolean {
  if (policy.policy === "subscribers" && piece.seq > 0) return false;
  return isFreeToAll(policy, piece, today);
}

/** The one rule: may this reader read this content's full text today? */
export function canReadFullText(policy: AccessPolicy, content: AccessContent, reader: ReaderStanding, today: string): boolean {
  if (isFreeToAll(policy, content, today)) return true;
  if (!reader) return false;
  return reader.subscriber || (policy.meter > 0 && reader.meterAllows === true);
}

/** The calendar date readers live by: papers are dated in China Standard Time (UTC+8, no DST). */
export function accessToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const OPENING_CHARS = 120;

/**
 * The story's opening a reader without access sees: whole paragraphs up to about `chars`
 * characters, the last one cut with an ellipsis. Never more than `chars` + 1 characters in all.
 */
export function openingOf(paragraphs: readonly string[], chars = OPENING_CHARS): string[] {
  const out: string[] = [];
  let left = chars;
  for (const p of paragraphs) {
    if (left <= 0) break;
    if (p.length <= left) {
      out.push(p);
      left -= p.length;
    } else {
      out.push(`${p.slice(0, left)}…`);
      left = 0;
    }
  }
  return out;
}

/** Replaces an article's pieces by its opening (all of it on the first piece, later pieces empty). */
export function gatePieces<P extends { paragraphs: string[] }>(pieces: readonly P[], chars = OPENING_CHARS): P[] {
  const opening = openingOf(pieces.flatMap((p) => p.paragraphs), chars);
  return pieces.map((p, i) => ({ ...p, paragraphs: i === 0 ? opening : [] }));
}

/** The policy in a sentence, for the back office and the CLI. */
export function describePolicy(p: AccessPolicy): string {
  const meter = p.meter > 0 ? `；登录读者每月可免费阅读 ${p.meter} 篇` : "";
  switch (p.policy) {
    case "open":
      return "全部开放";
    case "archive":
      return `最近 ${p.freeDays} 天的报纸人人可读，更早的往期供订户阅读${meter}`;
    case "subscribers":
      return `订户专享${p.freePages.length ? `（${p.freePages.join("、")}版免费）` : ""}${meter}`;
  }
}
