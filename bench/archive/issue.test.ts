import { describe, expect, it } from "vitest";
import { parsePage } from "../../lib/parser";
import { countCharacters, issueToPageTexts, makeIssue } from "./issue";
import { makeRng, makeZipf } from "./prng";

const paper = { slug: "lanjiang", name: "澜江晨报" };

describe("synthetic issues", () => {
  it("are the same for the same seed and date, byte for byte", () => {
    const a = makeIssue({ paper, date: "2026-11-23", seed: 42 });
    const b = makeIssue({ paper, date: "2026-11-23", seed: 42 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("differ with the seed and with the date", () => {
    const base = JSON.stringify(makeIssue({ paper, date: "2026-11-23", seed: 42 }).pages);
    expect(JSON.stringify(makeIssue({ paper, date: "2026-11-23", seed: 43 }).pages)).not.toBe(base);
    expect(JSON.stringify(makeIssue({ paper, date: "2026-11-22", seed: 42 }).pages)).not.toBe(base);
  });

  it("have 8 pages of 8 stories of 600-1200 characters, and two jumps from page 1 to page 3", () => {
    const issue = makeIssue({ paper, date: "2026-11-23", seed: 1 });
    expect(issue.pages.map((p) => p.label)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    const stories = issue.pages.flatMap((p) => p.pieces.filter((x) => !x.jumpFrom));
    expect(stories).toHaveLength(64);
    const jumped = issue.pages[0].pieces.filter((p) => p.jumpTo === "3");
    const continued = issue.pages[2].pieces.filter((p) => p.jumpFrom === "1");
    expect(jumped).toHaveLength(2);
    expect(continued).toHaveLength(2);
    const length = (ps: string[]) => ps.join("").length;
    for (const p of issue.pages.slice(1).flatMap((pg) => pg.pieces.filter((x) => !x.jumpFrom))) {
      expect(length(p.paragraphs)).toBeGreaterThanOrEqual(600);
      expect(length(p.paragraphs)).toBeLessThan(1200 + 300); // the last paragraph may run over
    }
    jumped.forEach((p, i) => {
      expect(length(p.paragraphs) + length(continued[i].paragraphs)).toBeGreaterThanOrEqual(600);
    });
    expect(countCharacters(issue)).toBeGreaterThan(64 * 600);
    expect(/[\u4e00-\u9fff]/.test(stories[0].paragraphs[0])).toBe(true);
  });

  it("print as page text that the parser reads back, jumps included", () => {
    const issue = makeIssue({ paper, date: "2026-11-23", seed: 5 });
    const texts = issueToPageTexts(issue);
    const front = parsePage(texts[0].text, "1").articles;
    const third = parsePage(texts[2].text, "3").articles;
    expect(front).toHaveLength(issue.pages[0].pieces.length);
    expect(front.filter((a) => a.jumpTo === "3")).toHaveLength(2);
    expect(third.filter((a) => a.jumpFrom === "1")).toHaveLength(2);
    expect(front[0].title).toBe(issue.pages[0].pieces[0].title);
  });
});

describe("the Zipf sampler", () => {
  it("draws low ranks far more often than high ones", () => {
    const rng = makeRng(9);
    const draw = makeZipf(100, 1);
    const counts = new Array(100).fill(0);
    for (let i = 0; i < 20_000; i++) counts[draw(rng)]++;
    expect(counts[0]).toBeGreaterThan(counts[9] * 5);
    expect(counts[9]).toBeGreaterThan(counts[99]);
  });
});
