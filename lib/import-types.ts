// What an import (from the CLI, the back office or the demo seed) hands to the database.
import type { ParsedPiece } from "./parser/types";

/** A rectangle on the page image, as fractions (0..1) of its width and height, origin top-left. */
export type Zone = { x: number; y: number; w: number; h: number };
/** @deprecated one rectangle; a piece's zone is now `zones`. */
export type Region = Zone;

export type PieceInput = ParsedPiece & {
  /** The rectangles whose union the piece covers on the page; none when not known. */
  zones?: Zone[];
  images?: { src: string; caption: string | null; width?: number; height?: number }[];
};

/** A printed line of the page with its box (page fractions) and font size as the reader gave it. */
export type LineInput = { text: string; x: number; y: number; w: number; h: number; size: number };

/** Something the importer is unsure of, for the editor to check. `piece` is its index on the page. */
export type ImportDoubt = {
  kind: "no_title" | "jump_by_order" | "overlap" | "outside" | "reader" | "no_text" | "garbage";
  piece: number | null;
  message: string;
};

/** The last import's account of a page, shown in the back office. */
export type PageImportReport = {
  source: "pdf" | "text";
  textLayer: "ok" | "none" | "garbage" | null;
  pieces: number;
  jumps: number;
  doubts: ImportDoubt[];
  /** Against the page as it was before a re-import; null on a first import. */
  changes: { added: string[]; removed: string[]; changed: string[]; kept: string[] } | null;
  at: string;
};

/** The importer's own reading of a piece, kept beside what the editor made of it. */
export type ImportedPiece = {
  hash: string;
  kicker: string | null; title: string | null; subtitle: string | null; column: string | null; byline: string | null;
  paragraphs: string[]; zones: Zone[];
};

export type PageInput = {
  label: string; // normalised: "1", "3", "A6"
  section?: string | null; // 版名: 要闻, 综合 …
  image?: { path: string; width: number; height: number } | null;
  /** The page's own PDF (a media URL), when it came as one. */
  pdfPath?: string | null;
  /** The page's lines with their boxes; undefined keeps what is stored. */
  lines?: LineInput[];
  /** Set by PDF (and CLI) imports: a re-sent page keeps the editor's fixes on unchanged articles. */
  keepEdits?: boolean;
  report?: Omit<PageImportReport, "changes" | "at" | "jumps"> | null;
  pieces: PieceInput[];
};

export type IssueInput = {
  paper: { slug: string; name?: string; motto?: string | null };
  date: string; // YYYY-MM-DD
  number?: number | null;
  publish?: boolean;
  pages: PageInput[];
};
