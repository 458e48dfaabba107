// Marks search terms in an article's body, or on a typeset page, after the page loads
// (highlight-terms.island.ts): the page stays cached and the same for everyone, and the terms
// come from ?hl=… / #hl=….
import "./highlight.css";

export function HighlightTerms({ selector = "[data-article-body]" }: { selector?: string }) {
  return <span hidden data-island="highlight" data-selector={selector} />;
}
