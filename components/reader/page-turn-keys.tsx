// Turns the page with ←/→ and a horizontal swipe (page-turn-keys.island.ts), following the
// rel="prev"/"next" links the server rendered: the links stay the source of truth.
export function PageTurnKeys() {
  return <span hidden data-island="page-keys" />;
}
