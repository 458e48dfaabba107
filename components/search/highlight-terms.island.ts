// Wraps the search terms a reader arrived with in <mark> (markup: highlight-terms.tsx). Only text
// nodes are touched: matches are wrapped in elements created with the DOM API, never parsed
// from HTML.
import { termsPattern } from "@/lib/search/highlight";
import { hasSpot, termsFromLocation } from "./terms-from-location";

const MARK_CLASS = "search-hit";

function markTextNodes(root: Element, pattern: RegExp): HTMLElement[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest("mark, script, style") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const marks: HTMLElement[] = [];
  for (const node of nodes) {
    const text = node.data;
    const matches = [...text.matchAll(pattern)].filter((m) => m[0].length > 0);
    if (matches.length === 0) continue;
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const m of matches) {
      const start = m.index ?? 0;
      if (start > last) fragment.append(text.slice(last, start));
      const mark = document.createElement("mark");
      mark.className = MARK_CLASS;
      mark.textContent = m[0];
      fragment.append(mark);
      marks.push(mark);
      last = start + m[0].length;
    }
    if (last < text.length) fragment.append(text.slice(last));
    node.replaceWith(fragment);
  }
  return marks;
}

export function mountHighlight(root: HTMLElement) {
  const pattern = termsPattern(termsFromLocation());
  if (!pattern) return;
  const marks = [...document.querySelectorAll(root.dataset.selector || "[data-article-body]")]
    .flatMap((region) => markTextNodes(region, pattern));
  // Bring the first match into view unless the reader came for a particular spot.
  if (marks[0] && !hasSpot()) marks[0].scrollIntoView({ block: "center" });
}
