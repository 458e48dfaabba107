// A re-sent page (the desk re-exported it after a late change) replaces the page, but an article
// whose text did not change keeps what the editor fixed on it. Each stored piece remembers what
// the importer read (`ImportedPiece`); a field whose stored value differs from that reading was
// fixed by the editor and survives, any other field takes the new reading (a moved zone, say).
import { createHash } from "node:crypto";
import type { ImportedPiece, PieceInput, Zone } from "./import-types";

const FIELDS = ["kicker", "title", "subtitle", "column", "byline", "paragraphs", "zones"] as const;
type Field = (typeof FIELDS)[number];

/** A piece as stored, seen as the importer would have written it. */
export type StoredPiece = Pick<ImportedPiece, Field> & { imported: ImportedPiece | null };

const squash = (s: string | null) => (s ?? "").replace(/\s+/g, "");

/** The hash of a piece's text (headings, byline, body); zones and jump labels do not count. */
export function pieceTextHash(p: Pick<ImportedPiece, "kicker" | "title" | "subtitle" | "byline" | "paragraphs">): string {
  const text = [p.kicker, p.title, p.subtitle, p.byline, ...p.paragraphs].map(squash).join("\u0001");
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

export function importedOf(p: PieceInput): ImportedPiece {
  return {
    hash: pieceTextHash(p), kicker: p.kicker, title: p.title, subtitle: p.subtitle, column: p.column, byline: p.byline,
    paragraphs: p.paragraphs, zones: p.zones ?? [],
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const nameOf = (p: { title: string | null; paragraphs: string[] }) => p.title ?? (p.paragraphs[0] ?? "").slice(0, 16);

export type Reimport = {
  pieces: PieceInput[];
  changes: { added: string[]; removed: string[]; changed: string[]; kept: string[] };
};

/** Merges the editor's fixes on the old page into the new reading of it, and says what changed. */
export function mergeReimport(old: StoredPiece[], fresh: PieceInput[]): Reimport {
  const unmatched = new Set(old.map((_, i) => i));
  const baseOf = (o: StoredPiece) => o.imported ?? { ...o, hash: pieceTextHash(o) };
  const changes: Reimport["changes"] = { added: [], removed: [], changed: [], kept: [] };
  const pieces = fresh.map((p) => {
    const hash = pieceTextHash(p);
    const i = [...unmatched].find((k) => baseOf(old[k]).hash === hash);
    if (i === undefined) return p;
    unmatched.delete(i);
    const o = old[i];
    const base = baseOf(o);
    const merged: PieceInput = { ...p };
    for (const f of FIELDS) {
      // Not what the importer read: the editor's fix, kept.
      if (!same(o[f], base[f])) (merged as Record<Field, unknown>)[f] = o[f] as string | string[] | Zone[] | null;
    }
    changes.kept.push(nameOf(merged));
    return merged;
  });
  fresh.forEach((p, k) => {
    if (pieces[k] !== p) return;
    const title = squash(p.title);
    const i = title ? [...unmatched].find((j) => squash(baseOf(old[j]).title) === title) : undefined;
    if (i !== undefined) { unmatched.delete(i); changes.changed.push(nameOf(p)); } else changes.added.push(nameOf(p));
  });
  for (const i of unmatched) changes.removed.push(nameOf(old[i]));
  return { pieces, changes };
}
