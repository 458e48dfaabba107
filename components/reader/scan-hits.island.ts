// Marks search terms on a page scan from its ALTO word positions (markup: scan-hits.tsx).
import { termsFromLocation } from "@/components/search/terms-from-location";
import { altoLines, hitRects } from "@/lib/alto-hits";
import { zonePaths } from "@/lib/zone-shape";

export function mountScanHits(root: HTMLElement) {
  const terms = termsFromLocation();
  const alto = root.dataset.alto;
  if (terms.length === 0 || !alto) return;
  fetch(alto)
    .then((res) => (res.ok ? res.text() : ""))
    .then((xml) => {
      if (!xml) return;
      const rects = hitRects(altoLines(new DOMParser().parseFromString(xml, "application/xml")), terms);
      const svg = document.querySelector("svg.scan__zones");
      if (!svg || rects.length === 0) return;
      const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
      path.setAttribute("class", "scan__hit");
      path.setAttribute("d", zonePaths(rects).fill);
      path.dataset.hits = String(rects.length);
      svg.prepend(path);
    })
    .catch(() => {});
}
