// ←/→ and a horizontal swipe follow the page's rel="prev"/"next" links (page-turn-keys.tsx).
const SWIPE_MIN_PX = 60;
// Swipes that start at the screen's edge belong to the system's back/forward gestures.
const EDGE_PX = 24;

function go(rel: "prev" | "next") {
  const href = document.querySelector<HTMLAnchorElement>(`a[rel~="${rel}"]`)?.getAttribute("href");
  if (href) window.location.assign(href);
}

export function mountPageKeys() {
  window.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    const t = e.target as HTMLElement | null;
    // Arrow keys belong to form fields and editable text while focus is there.
    if (t?.closest("input, textarea, select, [contenteditable]:not([contenteditable=false])")) return;
    e.preventDefault();
    go(e.key === "ArrowLeft" ? "prev" : "next");
  });
  let start: { x: number; y: number } | null = null;
  window.addEventListener("touchstart", (e) => {
    const zoomed = (window.visualViewport?.scale ?? 1) > 1.01;
    const target = e.target as Element | null;
    // A drag on a zoomed scan pans it; it does not turn the page.
    const inArea = target?.closest("[data-swipe]") && !target.closest("[data-zoomed]");
    const x = e.touches[0]?.clientX ?? 0;
    const atEdge = x < EDGE_PX || x > window.innerWidth - EDGE_PX;
    start = e.touches.length === 1 && !zoomed && !atEdge && inArea ? { x, y: e.touches[0].clientY } : null;
  }, { passive: true });
  window.addEventListener("touchend", (e) => {
    if (!start) return;
    const dx = e.changedTouches[0].clientX - start.x;
    const dy = e.changedTouches[0].clientY - start.y;
    start = null;
    if (Math.abs(dx) >= SWIPE_MIN_PX && Math.abs(dx) > 2 * Math.abs(dy)) go(dx < 0 ? "next" : "prev");
  }, { passive: true });
  // Says which page the keys are live on, so scripts (and tests) can wait for the islands.
  document.documentElement.dataset.pageKeys = window.location.pathname;
}
