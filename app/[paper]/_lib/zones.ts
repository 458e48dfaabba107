// A piece's zone as the reader draws it: one region or several. Pages imported from PDFs carry
// a list (an L-shaped story has two rectangles); older pages carry a single region.
import type { PieceOnPage, Zone } from "@/db/queries/pages";

export type ReaderPiece = PieceOnPage & { zones: Zone[] };

export function withZones(p: PieceOnPage): ReaderPiece {
  const raw = p as PieceOnPage & { zone?: Zone | null; zones?: Zone[] | null };
  const zones = raw.zones && raw.zones.length > 0 ? raw.zones : raw.zone ? [raw.zone] : [];
  return { ...p, zones };
}
