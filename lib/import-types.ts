// What an import (from the CLI, the back office or the demo seed) hands to the database.
import type { ParsedPiece } from "./parser/types";

/** A zone on the page image, as fractions (0..1) of its width and height. */
export type Region = { x: number; y: number; w: number; h: number };

export type PieceInput = ParsedPiece & {
  region?: Region | null;
  images?: { src: string; caption: string | null; width?: number; height?: number }[];
};

export type PageInput = {
  label: string; // normalised: "1", "3", "A6"
  section?: string | null; // 版名: 要闻, 综合 …
  image?: { path: string; width: number; height: number } | null;
  pieces: PieceInput[];
};

export type IssueInput = {
  paper: { slug: string; name?: string; motto?: string | null };
  date: string; // YYYY-MM-DD
  number?: number | null;
  publish?: boolean;
  pages: PageInput[];
};
