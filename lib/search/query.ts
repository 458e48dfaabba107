// Turns whatever a reader typed into a safe FTS5 MATCH expression. Nothing the reader writes is
// ever FTS syntax: every token is quoted as an FTS5 string ("…", inner quotes doubled), and the
// tokens are joined with AND, so " * ( ) NEAR AND OR NOT ^ : - are only ever searched as text.
import { queryTokens } from "./tokenize";

export const MAX_QUERY_CHARS = 100;
export const MAX_QUERY_TERMS = 16;

export type ParsedQuery = {
  /** The query as shown back to the reader (trimmed, truncated). */
  text: string;
  /** Search terms: words as jieba cuts them, also used to highlight. */
  terms: string[];
  /** The FTS5 MATCH expression, or null when there is nothing to search for. */
  match: string | null;
  /** The input was cut to MAX_QUERY_CHARS characters or MAX_QUERY_TERMS terms. */
  truncated: boolean;
};

/** Quotes a token as an FTS5 string literal. */
export function ftsString(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

// Control characters (and lone surrogates left by cutting a string) are noise in a query.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function parseQuery(raw: unknown): ParsedQuery {
  const input = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  let text = typeof input === "string" ? input.replace(CONTROL, " ").replace(/\s+/g, " ").trim() : "";
  let truncated = false;
  const chars = [...text]; // by code point, so an emoji is never cut in half
  if (chars.length > MAX_QUERY_CHARS) {
    text = chars.slice(0, MAX_QUERY_CHARS).join("").trim();
    truncated = true;
  }
  let terms = queryTokens(text);
  if (terms.length > MAX_QUERY_TERMS) {
    terms = terms.slice(0, MAX_QUERY_TERMS);
    truncated = true;
  }
  const match = terms.length ? terms.map(ftsString).join(" AND ") : null;
  return { text, terms, match, truncated };
}
