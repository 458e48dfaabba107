// A page's printed lines with their boxes: written by imports, read by the ALTO export and by
// search to show where a hit sits on the page image.
import { asc, eq } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { pageLines } from "../schema";
import type { LineInput } from "../../lib/import-types";

export type PageLine = LineInput & { seq: number };

/** Replaces a page's lines (inside the caller's transaction). */
export function writePageLines(tx: Db, pageId: number, lines: LineInput[]) {
  tx.delete(pageLines).where(eq(pageLines.pageId, pageId)).run();
  lines.forEach((l, seq) => {
    tx.insert(pageLines).values({ pageId, seq, text: l.text, x: l.x, y: l.y, w: l.w, h: l.h, size: l.size }).run();
  });
}

/** The lines of a page the caller has already checked (published for readers). */
export function listPageLines(pageId: number, db: Db = getDb()): PageLine[] {
  return db.select({ seq: pageLines.seq, text: pageLines.text, x: pageLines.x, y: pageLines.y, w: pageLines.w, h: pageLines.h, size: pageLines.size })
    .from(pageLines).where(eq(pageLines.pageId, pageId)).orderBy(asc(pageLines.seq)).all();
}
