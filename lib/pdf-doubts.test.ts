import { describe, expect, it } from "vitest";
import { importableReading, looksLikeAd, pageDoubts } from "./pdf-doubts";
import type { PdfPageReading, PdfPiece } from "./pdf";

const piece = (p: Partial<PdfPiece>): PdfPiece => ({
  kicker: null, title: null, subtitle: null, column: null, byline: null, paragraphs: ["正文。"], jumpTo: null, jumpFrom: null,
  zones: [], captions: [], doubts: [], ...p,
});
const reading = (pieces: PdfPiece[], lines: PdfPageReading["lines"] = []): PdfPageReading => ({
  index: 0, label: "1", section: null, width: 990, height: 1410, textLayer: "ok", pieces, lines,
});

describe("pageDoubts", () => {
  it("marks a story without a title, overlapping zones, story text outside every zone and the reader's own doubts", () => {
    const r = reading([
      piece({ title: "临澜日报", paragraphs: [] }), // the masthead, taken for a story
      piece({ title: "甲", zones: [{ x: 0, y: 0.1, w: 0.5, h: 0.4 }], paragraphs: ["甲的正文第一段落在这里。"] }),
      piece({ zones: [{ x: 0.3, y: 0.2, w: 0.5, h: 0.4 }], paragraphs: ["没有标题的一篇稿件正文。"], doubts: ["转版标题不确定"] }),
    ], [{ text: "甲的正文第一段落在这里。", x: 0.6, y: 0.8, w: 0.3, h: 0.01, size: 10 }]);
    const doubts = pageDoubts(r);
    expect(doubts.map((d) => [d.kind, d.piece])).toEqual([
      ["no_title", 1], ["reader", 1], ["overlap", 1], ["outside", null], ["reader", null],
    ]);
    expect(doubts.at(-1)!.message).toContain("临澜日报");
    expect(importableReading(r).reading.pieces.map((p) => p.title)).toEqual(["甲", null]);
  });

  it("says when a page has no text layer, or one that decodes to garbage", () => {
    expect(pageDoubts({ ...reading([]), textLayer: "none" })[0]).toMatchObject({ kind: "no_text", message: expect.stringContaining("无文字层") });
    expect(pageDoubts({ ...reading([]), textLayer: "garbage" })[0]).toMatchObject({ kind: "garbage" });
  });

  it("finds nothing to check on a clean page", () => {
    expect(pageDoubts(reading([piece({ title: "甲", zones: [{ x: 0, y: 0, w: 0.5, h: 0.5 }] })]))).toEqual([]);
  });

  it("marks a short piece with a hotline and an address as a likely advertisement, and leaves news alone", () => {
    const ad = piece({ title: "澜江一号 滨江人居", paragraphs: ["江景现房火爆热销，首付三成起。", "咨询电话：0591-88812345 地址：滨江大道188号"], zones: [{ x: 0, y: 0.8, w: 1, h: 0.1 }] });
    expect(looksLikeAd(ad)).toBe(true);
    expect(pageDoubts(reading([ad])).map((d) => d.message).join()).toContain("像是广告");
    // A news story that gives one phone number for readers is still news.
    const news = piece({ title: "城北供暖今起试运行", paragraphs: ["记者从市住建局获悉，城北片区供暖管网今起试运行，居民如遇室温不达标，可拨打供热服务热线12345反映。"] });
    expect(looksLikeAd(news)).toBe(false);
    // A long story that happens to print an address and a number is not an advertisement.
    const long = piece({ title: "长文", paragraphs: ["正文".repeat(150), "地址：滨江大道188号，电话0591-88812345"] });
    expect(looksLikeAd(long)).toBe(false);
  });
});
