// The parser's output, as printed by `epaper parse` (see docs/contracts.md: the command line).

/** One piece of text on a page: an article, or the part of one that the page carries. */
export type ParsedPiece = {
  kicker: string | null; // 引题
  title: string | null; // 主题; on a continuation, the jump headline printed above it
  subtitle: string | null; // 副题
  column: string | null; // 专栏 / 栏目 label
  byline: string | null; // author line as printed
  paragraphs: string[];
  jumpTo: string | null; // normalised page label this piece continues on
  jumpFrom: string | null; // normalised page label this piece continues from
  // Readings the text alone could not settle, for the editor to check (absent when there are none).
  doubts?: Doubt[];
};

/**
 *   headline-order    two display lines without a dash: read as title + subtitle or kicker + title
 *                     by length and wording only (print tells them apart by type size)
 *   jump-headline     the line under （上接…） taken as the continuation's headline, or as its first subhead
 *   story-or-section  a headline inside running text taken as a new story's (or kept as a subhead)
 *                     on weak evidence
 */
export type Doubt = "headline-order" | "jump-headline" | "story-or-section";

export type ParsedPage = { page: string; articles: ParsedPiece[] };
