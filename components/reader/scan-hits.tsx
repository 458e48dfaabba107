// From a search result (#hl=…) to a scanned page: scan-hits.island.ts marks the words on the page
// image, where the page's word positions exist (its ALTO file). The page itself stays cached and
// the same for everyone; the marks are drawn in the browser.
export function ScanHits({ alto }: { alto: string }) {
  return <span hidden data-island="scan-hits" data-alto={alto} />;
}
