"use client";
// Marks search terms in an article's body after the page loads: the article page stays a cached
// (ISR) page, and the terms come from ?hl=… (or the `terms` prop). Only text nodes are touched:
// matches are wrapped in <mark> elements created with the DOM API, never parsed from HTML.
import { useEffect } from "react";
import { parseHighlightParam, termsPattern } from "@/lib/search/highlight";
import "./highlight.css";

const MARK_CLASS = "search-hit";

function markTextNodes(root: Element, pattern: RegExp): HTMLElement[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(`mark, script, style`) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
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

function unmark(root: Element) {
  for (const mark of root.querySelectorAll(`mark.${MARK_CLASS}`)) mark.replaceWith(mark.textContent ?? "");
  root.normalize();
}

export function HighlightTerms({ terms, selector = "[data-article-body]" }: { terms?: string[]; selector?: string }) {
  const key = terms?.join("\u0000");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the terms are compared by value (key), not by the array's identity.
  useEffect(() => {
    const words = terms ?? parseHighlightParam(new URLSearchParams(window.location.search).get("hl"));
    const pattern = termsPattern(words);
    if (!pattern) return;
    const roots = [...document.querySelectorAll(selector)];
    const marks = roots.flatMap((root) => markTextNodes(root, pattern));
    // Bring the first match into view unless the reader came for a particular spot.
    if (marks[0] && !window.location.hash) marks[0].scrollIntoView({ block: "center" });
    return () => roots.forEach(unmark);
  }, [key, selector]);
  return null;
}
