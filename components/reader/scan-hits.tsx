"use client";
// From a search result (?hl=…) to a scanned page: marks the words on the page image, where the
// page's word positions exist (its ALTO file). The page itself stays cached and the same for
// everyone; the marks are drawn here, in the browser.
import { useEffect } from "react";
import { termsFromLocation } from "@/components/search/terms-from-location";
import { altoLines, hitRects } from "@/lib/alto-hits";
import { zonePaths } from "@/lib/zone-shape";

export function ScanHits({ alto }: { alto: string }) {
  useEffect(() => {
    const terms = termsFromLocation();
    if (terms.length === 0) return;
    let path: SVGPathElement | null = null;
    const ctrl = new AbortController();
    fetch(alto, { signal: ctrl.signal })
      .then((res) => (res.ok ? res.text() : ""))
      .then((xml) => {
        if (!xml) return;
        const rects = hitRects(altoLines(new DOMParser().parseFromString(xml, "application/xml")), terms);
        const svg = document.querySelector("svg.scan__zones");
        if (!svg || rects.length === 0) return;
        path = document.createElementNS("http://www.w3.org/2000/svg", "path");
        path.setAttribute("class", "scan__hit");
        path.setAttribute("d", zonePaths(rects).fill);
        path.dataset.hits = String(rects.length);
        svg.prepend(path);
      })
      .catch(() => {});
    return () => {
      ctrl.abort();
      path?.remove();
    };
  }, [alto]);
  return null;
}
