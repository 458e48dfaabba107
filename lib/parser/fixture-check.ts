// The accuracy rules of ../shared/tools/score-parse.mjs, in TypeScript, so that `npm test` fails when
// the parser regresses on a fixture page. Keep the two in step: same normalisation, same eight checks
// per expected article plus one for the article count.
import type { ParsedPage, ParsedPiece } from "./types";

export type ExpectedArticle = {
  kicker: string | null;
  column?: string | null;
  title: string | null;
  subtitle: string | null;
  names: string[];
  paragraphs: number;
  jumpTo: string | null;
  jumpFrom: string | null;
  first: string;
  last: string;
};

const norm = (s: string | null | undefined) => (s ?? "").normalize("NFKC").replace(/\s+/g, "");
const normHead = (s: string | null | undefined) => norm(s).replace(/^[—–-]+/, "") || null;
const MARKER = /[(（]\s*(下转|上接|转至|转|接|紧接)\s*第?\s*[A-Za-z]?\s*[0-9一二三四五六七八九十]+\s*版?\s*[)）]|(下转|上接)\s*第?\s*[A-Za-z]?\s*[0-9一二三四五六七八九十]+\s*版/g;
const EN_MARKER = /(see\s+[A-Z][A-Z ]*,?\s*(on\s+)?page\s+[A-Z]?\d+|continued\s+(on|from)\s+page\s+[A-Z]?\d+)/gi;
const stripBody = (s: string | null | undefined) =>
  (s ?? "").normalize("NFKC").replace(EN_MARKER, "").replace(MARKER, "").replace(/\s+/g, "");
const hasMarker = (s: string) => /(下转|上接)/.test(s) || /(continued\s+(on|from)\s+page|see\s+[A-Z]+,\s*page)/i.test(s);
const label = (v: string | null | undefined) =>
  v == null ? null : String(v).normalize("NFKC").trim().toUpperCase().replace(/^([A-Z]?)0+(\d)/, "$1$2");

export type PageScore = { checks: number; passed: number; failures: string[] };

export function scorePage(got: ParsedPage, expected: ExpectedArticle[]): PageScore {
  const score: PageScore = { checks: 0, passed: 0, failures: [] };
  const check = (ok: boolean, what: string) => {
    score.checks++;
    if (ok) score.passed++;
    else score.failures.push(what);
  };
  const arts: ParsedPiece[] = got.articles;
  check(arts.length === expected.length, `${arts.length} articles, expected ${expected.length}`);
  for (const t of expected) {
    const tag = `«${t.title ?? t.first}»`;
    const a = arts.find((x) => stripBody(x.paragraphs.join("")).includes(norm(t.first)));
    check(!!a, `${tag}: no article whose body holds «${t.first}»`);
    if (!a) {
      score.checks += 7;
      score.failures.push(`${tag}: 7 field checks skipped`);
      continue;
    }
    const titleOk = t.jumpFrom ? a.title == null || norm(a.title) === norm(t.title) : norm(a.title) === norm(t.title);
    check(titleOk, `${tag}: title «${a.title}»`);
    const kickers = [t.kicker, t.column].filter(Boolean).map(norm);
    check(t.kicker ? kickers.includes(norm(a.kicker)) || kickers.includes(norm(a.column)) : !a.kicker, `${tag}: kicker «${a.kicker}»`);
    check(normHead(a.subtitle) === normHead(t.subtitle), `${tag}: subtitle «${a.subtitle}»`);
    const by = norm(a.byline) + norm(a.paragraphs[0]).slice(0, 40);
    check(t.names.every((n) => by.includes(norm(n))), `${tag}: byline «${a.byline}» lacks ${t.names.join(",")}`);
    const paras = a.paragraphs.filter((p) => stripBody(p).length > 0);
    check(paras.length === t.paragraphs, `${tag}: ${paras.length} paragraphs, expected ${t.paragraphs}`);
    const body = stripBody(a.paragraphs.join(""));
    check(body.endsWith(norm(t.last)) && !hasMarker(a.paragraphs.join(" ")), `${tag}: body ends «${body.slice(-20)}», expected «${t.last}»`);
    check(label(a.jumpTo) === label(t.jumpTo) && label(a.jumpFrom) === label(t.jumpFrom),
      `${tag}: jumpTo ${a.jumpTo} jumpFrom ${a.jumpFrom}, expected ${t.jumpTo} / ${t.jumpFrom}`);
  }
  return score;
}
