"use client";
// Pinch, double-tap and buttons zoom the page scan up to its full resolution; a drag pans it.
// Detail loads as you zoom: raising the image's `sizes` makes the browser pick the next width of
// its srcset (and keep showing the current one until it arrives), so nothing larger is fetched
// before it is needed. The zone links scale with the image, so they stay tappable at any zoom.
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { SCAN_SIZES } from "./scan-sizes";

const MAX_SCALE = 5;
const DOUBLE_TAP_MS = 350;
const TAP_SLOP_PX = 10;

type View = { s: number; x: number; y: number };
type Props = { ratio: string; fullWidth: number; original: string; children: ReactNode };

export function ZoomableScan({ ratio, fullWidth, original, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>({ s: 1, x: 0, y: 0 });
  const viewRef = useRef(view);
  viewRef.current = view;
  // Zoom past the image's own pixels only blurs it: stop at full resolution (at least 2×).
  const maxScale = useCallback(() => {
    const w = box.current?.clientWidth || 1;
    return Math.min(MAX_SCALE, Math.max(2, fullWidth / (w * (window.devicePixelRatio || 1)) * 2));
  }, [fullWidth]);

  const clampView = useCallback((v: View): View => {
    const el = box.current;
    if (!el) return v;
    const s = Math.min(maxScale(), Math.max(1, v.s));
    const [w, h] = [el.clientWidth, el.clientHeight];
    return { s, x: Math.min(0, Math.max(w - w * s, v.x)), y: Math.min(0, Math.max(h - h * s, v.y)) };
  }, [maxScale]);

  /** Zoom to scale `s` keeping the point (px, py) of the box where it is. */
  const zoomAt = useCallback((s: number, px: number, py: number) => {
    const v = viewRef.current;
    const k = s / v.s;
    setView(clampView({ s, x: px - (px - v.x) * k, y: py - (py - v.y) * k }));
  }, [clampView]);

  // Ask for detail to match the zoom: the image is `s` times its box's width on screen.
  useEffect(() => {
    const img = box.current?.querySelector<HTMLImageElement>("img.scan__image");
    if (!img) return;
    if (view.s <= 1.01) {
      img.sizes = SCAN_SIZES;
      return;
    }
    const need = Math.round((box.current!.clientWidth || 1) * view.s);
    if (need * (window.devicePixelRatio || 1) > 1600 && fullWidth > 1600 && !img.srcset.includes(`${fullWidth}w`)) {
      img.srcset = `${img.srcset}, ${original} ${fullWidth}w`;
    }
    img.sizes = `${need}px`;
  }, [view.s, fullWidth, original]);

  // Touch: pinch (two pointers), drag to pan when zoomed, double-tap to zoom in or out.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const pts = new Map<number, { x: number; y: number }>();
    let pinch: { d: number; s: number } | null = null;
    let drag: { x: number; y: number; vx: number; vy: number } | null = null;
    let moved = false;
    let lastType = "";
    let downAt = { x: 0, y: 0 };
    let tapTimer: ReturnType<typeof setTimeout> | null = null;
    let lastTap = { t: 0, x: 0, y: 0 };

    const local = (e: { clientX: number; clientY: number }) => {
      const r = el.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    const dist = () => {
      const [a, b] = [...pts.values()];
      return Math.hypot(a.x - b.x, a.y - b.y);
    };
    const onDown = (e: PointerEvent) => {
      lastType = e.pointerType;
      pts.set(e.pointerId, local(e));
      if (pts.size === 1) {
        moved = false;
        downAt = local(e);
        const v = viewRef.current;
        drag = { ...downAt, vx: v.x, vy: v.y };
      } else if (pts.size === 2) {
        pinch = { d: dist(), s: viewRef.current.s };
        moved = true;
        drag = null;
      }
    };
    const onMove = (e: PointerEvent) => {
      if (!pts.has(e.pointerId)) return;
      const p = local(e);
      pts.set(e.pointerId, p);
      if (pinch && pts.size >= 2) {
        const [a, b] = [...pts.values()];
        zoomAt(pinch.s * (dist() / (pinch.d || 1)), (a.x + b.x) / 2, (a.y + b.y) / 2);
        return;
      }
      if (Math.hypot(p.x - downAt.x, p.y - downAt.y) > TAP_SLOP_PX) moved = true;
      if (drag && viewRef.current.s > 1.01 && moved) {
        setView(clampView({ s: viewRef.current.s, x: drag.vx + p.x - drag.x, y: drag.vy + p.y - drag.y }));
      }
    };
    const onUp = (e: PointerEvent) => {
      pts.delete(e.pointerId);
      if (pts.size < 2) pinch = null;
      if (pts.size === 0) drag = null;
    };
    // Taps arrive as clicks. A touch tap waits a moment for a second one: two are a zoom, one
    // follows the zone's link. Mouse and keyboard clicks follow links at once.
    const onClick = (e: MouseEvent) => {
      if (lastType !== "touch" && !moved) return;
      e.preventDefault();
      e.stopPropagation();
      if (moved) return;
      const p = local(e);
      const now = performance.now();
      if (tapTimer && now - lastTap.t < DOUBLE_TAP_MS + 40 && Math.hypot(p.x - lastTap.x, p.y - lastTap.y) < 40) {
        clearTimeout(tapTimer);
        tapTimer = null;
        zoomAt(viewRef.current.s > 1.01 ? 1 : Math.min(2.5, maxScale()), p.x, p.y);
        return;
      }
      lastTap = { t: now, ...p };
      const href = (e.target as Element | null)?.closest("a")?.getAttribute("href");
      tapTimer = setTimeout(() => {
        tapTimer = null;
        if (href) window.location.assign(href);
      }, DOUBLE_TAP_MS);
    };
    const onDblClick = (e: MouseEvent) => {
      // A quick double tap may reach us as one click and a dblclick: the pending link waits no more.
      if (tapTimer) {
        clearTimeout(tapTimer);
        tapTimer = null;
      } else if (lastType === "touch") return;
      const p = local(e);
      zoomAt(viewRef.current.s > 1.01 ? 1 : 2.5, p.x, p.y);
    };
    el.addEventListener("pointerdown", onDown);
    el.addEventListener("pointermove", onMove);
    el.addEventListener("pointerup", onUp);
    el.addEventListener("pointercancel", onUp);
    el.addEventListener("click", onClick, true);
    el.addEventListener("dblclick", onDblClick);
    return () => {
      if (tapTimer) clearTimeout(tapTimer);
      el.removeEventListener("pointerdown", onDown);
      el.removeEventListener("pointermove", onMove);
      el.removeEventListener("pointerup", onUp);
      el.removeEventListener("pointercancel", onUp);
      el.removeEventListener("click", onClick, true);
      el.removeEventListener("dblclick", onDblClick);
    };
  }, [clampView, zoomAt, maxScale]);

  const zoomed = view.s > 1.01;
  const step = (k: number) => {
    const el = box.current;
    if (el) zoomAt(viewRef.current.s * k, el.clientWidth / 2, el.clientHeight / 2);
  };
  return (
    <>
      <div className="scan-tools" role="group" aria-label="缩放版面">
        <span className="scan-tools__hint">双指或双击缩放</span>
        <button type="button" onClick={() => step(1.5)} disabled={view.s >= maxScaleSafe(maxScale)}>放大版面</button>
        <button type="button" onClick={() => step(1 / 1.5)} disabled={!zoomed}>缩小版面</button>
        <span className="visually-hidden" aria-live="polite">{Math.round(view.s * 100)}%</span>
      </div>
      <div ref={box} className="scan" style={{ aspectRatio: ratio }} data-zoomed={zoomed ? "" : undefined}
        data-scale={view.s.toFixed(2)}>
        <div className="scan__stage" style={zoomed ? { transform: `translate(${view.x}px, ${view.y}px) scale(${view.s})` } : undefined}>
          {children}
        </div>
      </div>
    </>
  );
}

function maxScaleSafe(f: () => number): number {
  return typeof window === "undefined" ? MAX_SCALE : f() - 0.01;
}
