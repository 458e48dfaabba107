import { describe, expect, it } from "vitest";
import { importedOf, mergeReimport, type StoredPiece } from "./reimport";
import type { PieceInput } from "./import-types";

const piece = (p: Partial<PieceInput>): PieceInput => ({
  kicker: null, title: null, subtitle: null, column: null, byline: null, paragraphs: ["正文。"], jumpTo: null, jumpFrom: null, zones: [], ...p,
});
/** A stored piece: what the importer read, then what the editor made of it. */
const stored = (read: PieceInput, fixed: Partial<PieceInput> = {}): StoredPiece => {
  const now = { ...read, ...fixed };
  return { kicker: now.kicker, title: now.title, subtitle: now.subtitle, column: now.column, byline: now.byline,
    paragraphs: now.paragraphs, zones: now.zones ?? [], imported: importedOf(read) };
};
const Z1 = [{ x: 0, y: 0, w: 0.5, h: 0.5 }];
const Z2 = [{ x: 0, y: 0.1, w: 0.5, h: 0.4 }];

describe("mergeReimport", () => {
  it("keeps the editor's fixes on an unchanged article and takes the new zone where none was fixed", () => {
    const read = piece({ title: "夜市开张", byline: "本报记者 王某", paragraphs: ["热闹。"], zones: Z1 });
    const old = [stored(read, { byline: "本报记者 王某某", column: "城事" })];
    const { pieces, changes } = mergeReimport(old, [{ ...read, zones: Z2 }]);
    expect(pieces[0]).toMatchObject({ byline: "本报记者 王某某", column: "城事", zones: Z2, title: "夜市开张" });
    expect(changes).toEqual({ added: [], removed: [], changed: [], kept: ["夜市开张"] });
  });

  it("keeps a zone the editor redrew", () => {
    const read = piece({ title: "甲", zones: Z1 });
    const { pieces } = mergeReimport([stored(read, { zones: Z2 })], [{ ...read, zones: [{ x: 0.5, y: 0, w: 0.5, h: 1 }] }]);
    expect(pieces[0].zones).toEqual(Z2);
  });

  it("takes the new text of a changed article and says what was added, removed and changed", () => {
    const a = piece({ title: "甲", paragraphs: ["旧文。"] });
    const b = piece({ title: "乙" });
    const old = [stored(a, { byline: "编辑改过" }), stored(b)];
    const fresh = [piece({ title: "甲", paragraphs: ["新文。"] }), piece({ title: "丙" })];
    const { pieces, changes } = mergeReimport(old, fresh);
    expect(pieces[0].byline).toBeNull();
    expect(pieces[0].paragraphs).toEqual(["新文。"]);
    expect(changes).toEqual({ added: ["丙"], removed: ["乙"], changed: ["甲"], kept: [] });
  });
});
