// The page scan with its zoom buttons; pinch, double-tap, the buttons and a drag are
// zoomable-scan.island.ts's. Rendered unzoomed: the island takes it from there.
import type { ReactNode } from "react";

type Props = { ratio: string; fullWidth: number; original: string; children: ReactNode };

export function ZoomableScan({ ratio, fullWidth, original, children }: Props) {
  return (
    <>
      <div className="scan-tools" role="group" aria-label="缩放版面">
        <span className="scan-tools__hint">双指或双击缩放</span>
        <button type="button" data-zoom="in">放大版面</button>
        <button type="button" data-zoom="out" disabled>缩小版面</button>
        <span className="visually-hidden" aria-live="polite" data-zoom-level>100%</span>
      </div>
      <div className="scan" style={{ aspectRatio: ratio }} data-scale="1.00" data-island="zoom"
        data-full-width={fullWidth} data-original={original}>
        <div className="scan__stage">{children}</div>
      </div>
    </>
  );
}
