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
};

export type ParsedPage = { page: string; articles: ParsedPiece[] };
