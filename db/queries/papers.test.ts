import { describe, expect, it } from "vitest";
import { openDb } from "../client";
import { importIssue } from "./imports";
import { listPublishedPapers } from "./papers";
import type { PieceInput } from "../../lib/import-types";

const piece: PieceInput = { kicker: null, title: "寒潮来袭", subtitle: null, column: null, byline: null, paragraphs: ["降温。"], jumpTo: null, jumpFrom: null };

describe("listPublishedPapers", () => {
  it("lists only papers with a published issue: a new paper's drafts reveal nothing", () => {
    const db = openDb(":memory:");
    importIssue({ paper: { slug: "live", name: "在线报" }, date: "2026-11-26", publish: true, pages: [{ label: "1", pieces: [piece] }] }, db);
    importIssue({ paper: { slug: "secret", name: "未发布的新报" }, date: "2026-11-26", pages: [{ label: "1", pieces: [piece] }] }, db);
    expect(listPublishedPapers(db).map((p) => p.slug)).toEqual(["live"]);
  });
});
