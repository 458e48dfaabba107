// Search terms a reader arrives with: ?hl=… on an article, #hl=… on a page (a fragment survives
// the redirect from a page's label to its canonical address, and keeps the page's URL cacheable).
import { parseHighlightParam } from "@/lib/search/highlight";

export function termsFromLocation(): string[] {
  const fromQuery = new URLSearchParams(window.location.search).get("hl");
  const hash = window.location.hash.startsWith("#hl=") ? new URLSearchParams(window.location.hash.slice(1)).get("hl") : null;
  return parseHighlightParam(fromQuery ?? hash);
}

/** Whether the URL names a spot on the page (#piece-…), which a highlight must not scroll away from. */
export const hasSpot = () => window.location.hash.length > 1 && !window.location.hash.startsWith("#hl=");
