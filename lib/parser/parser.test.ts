import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LABEL_PATTERN, normalizeLabel } from "../labels";
import { decodeText } from "../text-decode";
import { scorePage, type ExpectedArticle } from "./fixture-check";
import { parsePage } from "./index";
import { parsePieces } from "./pipeline";
import type { ParsedPiece } from "./types";

const FIXTURES = fileURLToPath(new URL("./fixtures", import.meta.url));
// The shared seed page lives outside the repository; score it too when it is there.
const SEED = fileURLToPath(new URL("../../../shared/fixtures", import.meta.url));

type Case = { dir: string; page: string; file: string; expected: ExpectedArticle[] };

function loadCases(dir: string): Case[] {
  const truthFile = ["expected.json", "seed-page1.expected.json"].map((f) => join(dir, f)).find(existsSync);
  if (!truthFile) return [];
  const truth = JSON.parse(readFileSync(truthFile, "utf8")) as Record<string, ExpectedArticle[]>;
  return Object.entries(truth).map(([page, expected]) => {
    const names = readdirSync(dir);
    const file = names.find((f) => f === `p${page}.txt`) ?? names.find((f) => page === "1" && f === "seed-page1.txt");
    if (!file) throw new Error(`no text for page ${page} in ${dir}`);
    return { dir, page, file: join(dir, file), expected };
  });
}

const fixtureDirs = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(FIXTURES, d.name));
const cases = [...fixtureDirs, ...(existsSync(SEED) ? [SEED] : [])].flatMap(loadCases);
const readPage = (file: string) => decodeText(readFileSync(file));

describe("fixture pages", () => {
  it("has at least a dozen original pages", () => {
    expect(cases.filter((c) => c.dir.startsWith(FIXTURES)).length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases.map((c) => [`${c.dir.split("/").slice(-1)[0]} p${c.page}`, c] as const))("%s scores 100%%", (_, c) => {
    const page = normalizeLabel(c.page)!;
    const score = scorePage(parsePage(readPage(c.file), page), c.expected);
    expect(score.failures).toEqual([]);
    expect(score.passed).toBe(score.checks);
  });
});

// ---- never throws, always well-formed ----------------------------------------------------------

const allLines = cases.flatMap((c) => readPage(c.file).split(/\r?\n/));

function assertWellFormed(pieces: ParsedPiece[]): void {
  for (const p of pieces) {
    for (const k of ["kicker", "title", "subtitle", "column", "byline", "jumpTo", "jumpFrom"] as const) {
      expect(p[k] === null || typeof p[k] === "string").toBe(true);
    }
    expect(p.paragraphs.length).toBeGreaterThan(0);
    for (const para of p.paragraphs) expect(typeof para === "string" && para.length > 0).toBe(true);
    if (p.jumpTo !== null) expect(p.jumpTo).toMatch(LABEL_PATTERN);
    if (p.jumpFrom !== null) expect(p.jumpFrom).toMatch(LABEL_PATTERN);
  }
}

describe("robustness", () => {
  it("parses arbitrary strings without throwing", () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => assertWellFormed(parsePieces(s))), { numRuns: 500 });
  });

  it("parses arbitrary unicode without throwing", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 400 }), (s) => assertWellFormed(parsePieces(s))), { numRuns: 500 });
  });

  it("parses text built from newspaper-ish pieces without throwing", () => {
    const atoms = fc.constantFrom(
      "\n", "\n\n", "\r\n", "\r", " ", "\u3000", "\u200b", "(", ")", "（", "）", "——", "下转", "上接", "第", "版", "三", "A",
      "3", "本报讯", "记者", "通讯员", "文/图", "□", "·", "“", "”", "。", ",", "See TRANSIT, Page A6", "Continued from Page A1",
      "By JANE DOE", "alter-", "native", "新华社北京11月6日电", "（记者 张三）",
    );
    fc.assert(fc.property(fc.array(fc.oneof(atoms, fc.string({ maxLength: 8 })), { maxLength: 120 }), (parts) => {
      assertWellFormed(parsePieces(parts.join("")));
    }), { numRuns: 500 });
  });

  it("parses shuffled lines of real pages without throwing", () => {
    const sep = fc.constantFrom("\n", "\n\n", "\r\n", "\n\n\n");
    fc.assert(fc.property(fc.shuffledSubarray(allLines, { maxLength: 80 }), sep, (lines, s) => {
      const pieces = parsePieces(lines.join(s));
      assertWellFormed(pieces);
      for (const p of pieces) for (const para of p.paragraphs) expect(para).not.toMatch(/[(（](下转|上接)/);
    }), { numRuns: 200 });
  });

  it("survives pathological shapes", () => {
    const inputs = [
      "", "\n\n\n", " ", "(".repeat(50_000), "（下转".repeat(20_000), "本报讯(".repeat(10_000), "a-\n".repeat(20_000),
      "字".repeat(100_000), "——".repeat(30_000), `${"See ".repeat(10_000)}Page A6`, "\u0000\u0001\u0002",
      "\ud800\udfff\udc00", `${"A".repeat(80)}\n`.repeat(3000),
    ];
    for (const s of inputs) {
      const started = performance.now();
      assertWellFormed(parsePieces(s));
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it("falls back instead of throwing on non-string input", () => {
    expect(() => parsePage(undefined as unknown as string, "1")).not.toThrow();
  });
});

describe("speed", () => {
  it("parses a 16-page issue (~150,000 characters) well under 200 ms", () => {
    const pages = cases.map((c) => readPage(c.file));
    let issue = "";
    for (let i = 0; issue.length < 150_000; i++) issue += `${pages[i % pages.length]}\n\n`;
    parsePage(issue, "1"); // warm up the JIT, as a long-running server would be
    const times: number[] = [];
    let result = parsePage(issue, "1");
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      result = parsePage(issue, "1");
      times.push(performance.now() - started);
    }
    const elapsed = Math.min(...times);
    console.log(`parsePage: ${issue.length} characters, ${result.articles.length} pieces, in ${times.map((t) => t.toFixed(1)).join(" / ")} ms`);
    expect(result.articles.length).toBeGreaterThan(50);
    expect(elapsed).toBeLessThan(1000);
  });
});
