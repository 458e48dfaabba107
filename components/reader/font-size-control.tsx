// A− / A+ for the reading text (pages and articles), an island of reader-prefs.island.ts. The
// choice lives in localStorage and is applied as --font-scale on <html>; public/prefs.js applies
// it again before paint next time. Rendered at 100%; the island shows the saved size.
export function FontSizeControl() {
  // The visible "A−" starts each name, so voice control ("click A minus") finds the button.
  return (
    <div className="font-size" role="group" aria-label="字号">
      <button type="button" data-font-step="-1">
        A−<span className="visually-hidden">（缩小字号）</span>
      </button>
      {/* A live span, not <output>: that is role="status", which belongs to the page's own messages. */}
      <span aria-live="polite" className="font-size__value">100%</span>
      <button type="button" data-font-step="1">
        A+<span className="visually-hidden">（放大字号）</span>
      </button>
    </div>
  );
}
