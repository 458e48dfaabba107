// The parser's passes in order, without the safety net that parsePage adds (tests call this
// directly so that a thrown error shows up instead of being absorbed by the fallback).
//   units (lines, jump markers, furniture) → verse (stanzas) → paragraphs (rejoin column breaks)
//   → classify (headline, byline, dateline, body …) → segment (group into pieces)
import { classifyUnits } from "./classify";
import { stripMarkers } from "./markers";
import { joinFragments } from "./paragraphs";
import { segmentUnits, type Draft } from "./segment";
import { isMostlyLatin } from "./text";
import type { ParsedPiece } from "./types";
import { buildUnits } from "./units";
import { groupVerse } from "./verse";

export function parsePieces(text: string): ParsedPiece[] {
  const english = isMostlyLatin(text);
  const units = joinFragments(groupVerse(buildUnits(text, english), english), english);
  const drafts = segmentUnits(classifyUnits(units, english), english);
  return drafts.map(toPiece).filter((p): p is ParsedPiece => p !== null);
}

function toPiece(d: Draft): ParsedPiece | null {
  // Photo captions and credits sit beside a picture: not a story, and not any story's text.
  if (d.caption) return null;
  const paragraphs = d.paragraphs.map(stripMarkers).filter((p) => p.length > 0);
  if (paragraphs.length === 0) return null;
  const piece: ParsedPiece = {
    kicker: d.kicker,
    title: d.title,
    subtitle: d.subtitle,
    column: d.column,
    byline: d.byline,
    paragraphs,
    jumpTo: d.jumpTo,
    jumpFrom: d.jumpFrom,
  };
  if (d.doubts?.size) piece.doubts = [...d.doubts];
  return piece;
}
