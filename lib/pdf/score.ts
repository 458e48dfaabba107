// Scores the PDF reader against a case directory's truth.json, with the same checks as the
// project's outside scorer (score-pdf.mjs): per page the article count; per expected article found
// (a body holding «first»), title, kicker, subtitle, byline names, paragraph count, body end, jumps,
// and one zone check (union of rectangles on a 400 x 560 raster, passing at IoU >= 0.8).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { toContract } from "./cli";
import { readPdf } from "./index";
import { pickPage } from "./cli";

export type TruthArticle = {
  kicker: string | null; title: string | null; subtitle: string | null; column?: string | null;
  names: string[]; paragraphs: number; jumpTo: string | null; jumpFrom: string | null;
  first: string; last: string; zones?: { x: number; y: number; w: number; h: number }[];
};
type GotArticle = ReturnType<typeof toContract>["articles"][number];

export type Score = { checks: number; passed: number; zoneChecks: number; zonePassed: number; iouSum: number; fails: string[] };

export const emptyScore = (): Score => ({ checks: 0, passed: 0, zoneChecks: 0, zonePassed: 0, iouSum: 0, fails: [] });

const norm = (s: string | null | undefined) => (s ?? "").normalize("NFKC").replace(/\s+/g, "");
const normHead = (s: string | null | undefined) => norm(s).replace(/^[—–-]+/, "") || null;
const marker = /[(（]\s*(下转|上接|转至|转|接|紧接)\s*第?\s*[A-Za-z]?\s*[0-9一二三四五六七八九十]+\s*版?\s*[)）]|(下转|上接)\s*第?\s*[A-Za-z]?\s*[0-9一二三四五六七八九十]+\s*版/g;
const enMarker = /(see\s+[A-Z][A-Z ]*,?\s*(on\s+)?page\s+[A-Z]?\d+|continued\s+(on|from)\s+page\s+[A-Z]?\d+)/gi;
const stripBody = (s: string) => s.normalize("NFKC").replace(enMarker, "").replace(marker, "").replace(/\s+/g, "");
const hasMarker = (s: string) => /(下转|上接)/.test(s) || /(continued\s+(on|from)\s+page|see\s+[A-Z]+,\s*page)/i.test(s);
const label = (v: string | null | undefined) => (v == null ? null : String(v).normalize("NFKC").trim().toUpperCase().replace(/^([A-Z]?)0+(\d)/, "$1$2"));

const GW = 400, GH = 560, IOU_PASS = 0.8;
function raster(zones: { x: number; y: number; w: number; h: number }[] | undefined): Uint8Array | null {
  if (!Array.isArray(zones)) return null;
  const g = new Uint8Array(GW * GH);
  let any = false;
  for (const z of zones) {
    if (![z.x, z.y, z.w, z.h].every(Number.isFinite) || z.w <= 0 || z.h <= 0) continue;
    const i0 = Math.max(0, Math.ceil(z.x * GW - 0.5)), i1 = Math.min(GW, Math.ceil((z.x + z.w) * GW - 0.5));
    const j0 = Math.max(0, Math.ceil(z.y * GH - 0.5)), j1 = Math.min(GH, Math.ceil((z.y + z.h) * GH - 0.5));
    for (let j = j0; j < j1; j++) for (let i = i0; i < i1; i++) { g[j * GW + i] = 1; any = true; }
  }
  return any ? g : null;
}
export function iou(a: Uint8Array | null, b: Uint8Array | null): number {
  if (!a || !b) return 0;
  let inter = 0, uni = 0;
  for (let k = 0; k < a.length; k++) { if (a[k] & b[k]) inter++; if (a[k] | b[k]) uni++; }
  return uni ? inter / uni : 0;
}

/** Adds one page's checks to `s`. */
export function scorePage(s: Score, tag: string, expected: TruthArticle[], arts: GotArticle[]): void {
  const check = (ok: boolean, what: string) => { s.checks++; if (ok) s.passed++; else s.fails.push(what); };
  const zoneCheck = (v: number, what: string) => {
    s.zoneChecks++; s.iouSum += v;
    if (v >= IOU_PASS) s.zonePassed++;
    check(v >= IOU_PASS, `${what}: zone IoU ${v.toFixed(3)}`);
  };
  check(arts.length === expected.length, `${tag}: ${arts.length} articles, expected ${expected.length}`);
  for (const t of expected) {
    const at = `${tag} «${t.title ?? t.first}»`;
    const a = arts.find((x) => stripBody(x.paragraphs.join("")).includes(norm(t.first)));
    check(!!a, `${at}: no article whose body holds «${t.first}»`);
    if (!a) {
      s.checks += 7; s.fails.push(`${at}: 7 field checks skipped`);
      if (Array.isArray(t.zones)) zoneCheck(0, `${at}: not found`);
      continue;
    }
    const titleOk = t.jumpFrom ? (a.title == null || norm(a.title) === norm(t.title)) : norm(a.title) === norm(t.title);
    check(titleOk, `${at}: title «${a.title}»`);
    const kickers = [t.kicker, t.column].filter(Boolean).map(norm);
    check(t.kicker ? kickers.includes(norm(a.kicker)) || kickers.includes(norm(a.column)) : !a.kicker, `${at}: kicker «${a.kicker}»`);
    check(normHead(a.subtitle) === normHead(t.subtitle), `${at}: subtitle «${a.subtitle}»`);
    const by = norm(a.byline) + norm(a.paragraphs[0]).slice(0, 40);
    check(t.names.every((n) => by.includes(norm(n))), `${at}: byline «${a.byline}» lacks ${t.names.join(",")}`);
    const paras = a.paragraphs.filter((p) => stripBody(p).length > 0);
    check(paras.length === t.paragraphs, `${at}: ${paras.length} paragraphs, expected ${t.paragraphs}`);
    const body = stripBody(a.paragraphs.join(""));
    check(body.endsWith(norm(t.last)) && !hasMarker(a.paragraphs.join(" ")), `${at}: body ends «${body.slice(-20)}», expected «${t.last}»`);
    check(label(a.jumpTo) === label(t.jumpTo) && label(a.jumpFrom) === label(t.jumpFrom), `${at}: jumpTo ${a.jumpTo} jumpFrom ${a.jumpFrom}, expected ${t.jumpTo} / ${t.jumpFrom}`);
    if (Array.isArray(t.zones)) {
      const mine = raster(a.zones);
      zoneCheck(mine ? iou(mine, raster(t.zones)) : 0, mine ? at : `${at}: no usable "zones"`);
    }
  }
}

/** Reads every p<LABEL>.pdf named in the directory's truth.json and scores it. */
export async function scoreDir(dir: string, s: Score = emptyScore(), times: number[] = []): Promise<Score> {
  const file = ["truth.json", "expected.json"].map((f) => join(dir, f)).find(existsSync);
  if (!file) throw new Error(`no truth.json in ${dir}`);
  const truth = JSON.parse(readFileSync(file, "utf8")) as Record<string, TruthArticle[]>;
  const files = readdirSync(dir);
  for (const [page, expected] of Object.entries(truth)) {
    if (!files.includes(`p${page}.pdf`)) throw new Error(`no p${page}.pdf in ${dir}`);
    const t0 = performance.now();
    const reading = pickPage(await readPdf(join(dir, `p${page}.pdf`)), page);
    times.push(performance.now() - t0);
    scorePage(s, `${dir} p${page}`, expected, reading ? toContract(reading).articles : []);
  }
  return s;
}
