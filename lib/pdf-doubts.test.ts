import { describe, expect, it } from "vitest";
import { importableReading, pageDoubts } from "./pdf-doubts";
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
});
