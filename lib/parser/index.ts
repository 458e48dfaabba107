// The page-text parser: a page's extracted print text in, its pieces in reading order out.
// Pure (no I/O) and total: any string gives a result.
import { parsePieces } from "./pipeline";
import type { ParsedPage, ParsedPiece } from "./types";
import { normalizeInput } from "./units";

export type { Doubt, ParsedPage, ParsedPiece } from "./types";

/** Splits a page's extracted print text into pieces in reading order. Never throws. */
export function parsePage(text: string, page: string): ParsedPage {
  const input = typeof text === "string" ? text : String(text ?? "");
  try {
    return { page, articles: parsePieces(input) };
  } catch {
    // A parser bug must not take an import down: fall back to one piece holding every line.
    return { page, articles: fallbackPieces(input) };
  }
}

function fallbackPieces(text: string): ParsedPiece[] {
  const paragraphs = normalizeInput(text).split("\n").map((l) => l.trim()).filter(Boolean);
  return paragraphs.length
    ? [{ kicker: null, title: null, subtitle: null, column: null, byline: null, paragraphs, jumpTo: null, jumpFrom: null }]
    : [];
}
