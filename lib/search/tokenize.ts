// Chinese-aware tokenising for the full-text index. FTS5's own tokenizers cannot split Chinese
// (unicode61 keeps a run of hanzi as one token; trigram misses two-character words such as 外贸),
// so text is segmented with jieba here and stored space-joined; FTS5's unicode61 then only splits
// on the spaces. Documents and queries go through the same normalisation so their tokens meet.
import { Jieba } from "@node-rs/jieba";
// "/dict.js", not "/dict": the package has no exports map, and Node's ESM resolver (tsx, next
// start) will not add the extension.
import { dict } from "@node-rs/jieba/dict.js";

/** Bump when segmentation changes: the app then rebuilds the index (see ensureSearchIndex). */
export const TOKENIZER_VERSION = "jieba-2.0.3/search-1";

let jieba: Jieba | null = null;

/** Loading the dictionary takes ~200 ms: done once per process, on first use. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Full-width forms to ASCII (ＧＤＰ → gdp), compatibility forms unfolded, lower-cased. */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

// A token worth indexing has a letter or a digit; punctuation and spaces are dropped.
const WORDISH = /[\p{L}\p{N}]/u;

/**
 * Tokens to index: jieba's search mode, which adds the dictionary words inside longer ones
 * (乌兰察布 → 乌兰, 乌兰察布), so a query for a part still finds the whole.
 */
export function documentTokens(text: string): string[] {
  if (!text) return [];
  return segmenter().cutForSearch(normalizeText(text), true).filter((t) => WORDISH.test(t));
}

/** The index column's text: tokens joined by single spaces. */
export function segmentForIndex(text: string): string {
  return documentTokens(text).join(" ");
}

/**
 * Tokens of a query: jieba's precise mode (one token per word), deduplicated, in order.
 * The precise cut of a word is always among the search-mode tokens of a text containing it
 * segmented the same way, so an AND of these finds it.
 */
export function queryTokens(text: string): string[] {
  if (!text) return [];
  const seen = new Set<string>();
  for (const t of segmenter().cut(normalizeText(text), true)) {
    const token = t.trim();
    if (token && WORDISH.test(token)) seen.add(token);
  }
  return [...seen];
}
