// Pinch, double-tap and buttons zoom the page scan up to its full resolution; a drag pans it
// (markup: zoomable-scan.tsx). Detail loads as you zoom: raising the image's `sizes` makes the
// browser pick the next width of its srcset (and keep showing the current one until it
// arrives), so nothing larger is fetched before it is needed. The zone links scale with the
// image, so they stay tappable at any zoom.
import { SCAN_SIZES } from "./scan-sizes";

const MAX_SCALE = 5;
const DOUBLE_TAP_MS = 350;
const TAP_SLOP_PX = 10;

type View = { s: number; x: number; y: number };

export function mountZoom(box: HTMLElement) {
  const fullWidth = Number(box.dataset.fullWidth) || 0;
  const original = box.dataset.original ?? "";
  const stage = box.querySelector<HTMLElement>(".scan__stage");
  const img = box.querySelector<HTMLImageElement>("img.scan__image");
  const tools = box.previousElementSibling?.classList.contains("scan-tools") ? box.previousElementSibling : null;
  const zoomIn = tools?.querySelector<HTMLButtonElement>('[data-zoom="in"]');
  const zoomOut = tools?.querySelector<HTMLButtonElement>('[data-zoom="out"]');
  const level = tools?.querySelector<HTMLElement>("[data-zoom-level]");
  let view: View = { s: 1, x: 0, y: 0 };

  // Zoom past the image's own pixels only blurs it: stop at full resolution (at least 2×).
  const maxScale = () => Math.min(MAX_SCALE, Math.max(2, (fullWidth / ((box.clientWidth || 1) * (window.devicePixelRatio || 1))) * 2));
  const clamp = (v: View): View => {
    const s = Math.min(maxScale(), Math.max(1, v.s));
    const [w, h] = [box.clientWidth, box.clientHeight];
    return { s, x: Math.min(0, Math.max(w - w * s, v.x)), y: Math.min(0, Math.max(h - h * s, v.y)) };
  };

  // Ask for detail to match the zoom: the image is `s` times its box's width on screen.
  const askForDetail = (s: number) => {
    if (!img) return;
    if (s <= 1.01) {
      img.sizes = SCAN_SIZES;
      return;
    }
    const need = Math.round((box.clientWidth || 1) * s);
    if (need * (window.devicePixelRatio || 1) > 1600 && fullWidth > 1600 && !img.srcset.includes(`${fullWidth}w`)) {
      img.srcset = `${img.srcset}, ${original} ${fullWidth}w`;
    }
    img.sizes = `${need}px`;
  };

  const setView = (next: View) => {
    const scaleChanged = next.s !== view.s;
    view = next;
    const zoomed = view.s > 1.01;
    if (stage) stage.style.transform = zoomed ? `translate(${view.x}px, ${view.y}px) scale(${view.s})` : "";
    box.toggleAttribute("data-zoomed", zoomed);
    box.dataset.scale = view.s.toFixed(2);
    if (zoomIn) zoomIn.disabled = view.s >= maxScale() - 0.01;
    if (zoomOut) zoomOut.disabled = !zoomed;
    if (level) level.textContent = `${Math.round(view.s * 100)}%`;
    if (scaleChanged) askForDetail(view.s);
  };

  /** Zoom to scale `s` keeping the point (px, py) of the box where it is. */
  const zoomAt = (s: number, px: number, py: number) => {
    const k = s / view.s;
    setView(clamp({ s, x: px - (px - view.x) * k, y: py - (py - view.y) * k }));
  };

  const pts = new Map<number, { x: number; y: number }>();
  let pinch: { d: number; s: number } | null = null;
  let drag: { x: number; y: number; vx: number; vy: number } | null = null;
  let moved = false;
  let lastType = "";
  let downAt = { x: 0, y: 0 };
  let tapTimer: ReturnType<typeof setTimeout> | null = null;
  let lastTap = { t: 0, x: 0, y: 0 };

  const local = (e: { clientX: number; clientY: number }) => {
    const r = box.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const dist = () => {
    const [a, b] = [...pts.values()];
    return Math.hypot(a.x - b.x, a.y - b.y);
  };
  box.addEventListener("pointerdown", (e) => {
    lastType = e.pointerType;
    pts.set(e.pointerId, local(e));
    if (pts.size === 1) {
      moved = false;
      downAt = local(e);
      drag = { ...downAt, vx: view.x, vy: view.y };
    } else if (pts.size === 2) {
      pinch = { d: dist(), s: view.s };
      moved = true;
      drag = null;
    }
  });
  box.addEventListener("pointermove", (e) => {
    if (!pts.has(e.pointerId)) return;
    const p = local(e);
    pts.set(e.pointerId, p);
    if (pinch && pts.size >= 2) {
      const [a, b] = [...pts.values()];
      zoomAt(pinch.s * (dist() / (pinch.d || 1)), (a.x + b.x) / 2, (a.y + b.y) / 2);
      return;
    }
    if (Math.hypot(p.x - downAt.x, p.y - downAt.y) > TAP_SLOP_PX) moved = true;
    if (drag && view.s > 1.01 && moved) setView(clamp({ s: view.s, x: drag.vx + p.x - drag.x, y: drag.vy + p.y - drag.y }));
  });
  const up = (e: PointerEvent) => {
    pts.delete(e.pointerId);
    if (pts.size < 2) pinch = null;
    if (pts.size === 0) drag = null;
  };
  box.addEventListener("pointerup", up);
  box.addEventListener("pointercancel", up);
  // Taps arrive as clicks. A touch tap waits a moment for a second one: two are a zoom, one
  // follows the zone's link. Mouse and keyboard clicks follow links at once.
  box.addEventListener("click", (e) => {
    if (lastType !== "touch" && !moved) return;
    e.preventDefault();
    e.stopPropagation();
    if (moved) return;
    const p = local(e);
    const now = performance.now();
    if (tapTimer && now - lastTap.t < DOUBLE_TAP_MS + 40 && Math.hypot(p.x - lastTap.x, p.y - lastTap.y) < 40) {
      clearTimeout(tapTimer);
      tapTimer = null;
      zoomAt(view.s > 1.01 ? 1 : Math.min(2.5, maxScale()), p.x, p.y);
      return;
    }
    lastTap = { t: now, ...p };
    const href = (e.target as Element | null)?.closest("a")?.getAttribute("href");
    tapTimer = setTimeout(() => {
      tapTimer = null;
      if (href) window.location.assign(href);
    }, DOUBLE_TAP_MS);
  }, true);
  box.addEventListener("dblclick", (e) => {
    // A quick double tap may reach us as one click and a dblclick: the pending link waits no more.
    if (tapTimer) {
      clearTimeout(tapTimer);
      tapTimer = null;
    } else if (lastType === "touch") return;
    const p = local(e);
    zoomAt(view.s > 1.01 ? 1 : 2.5, p.x, p.y);
  });
  const step = (k: number) => zoomAt(view.s * k, box.clientWidth / 2, box.clientHeight / 2);
  zoomIn?.addEventListener("click", () => step(1.5));
  zoomOut?.addEventListener("click", () => step(1 / 1.5));
}
