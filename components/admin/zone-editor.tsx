"use client";
// Draws each piece's zone on the page image: pick a piece, drag on the image, adjust with the
// numbers (per cent of the page), save. Zones are stored as fractions 0..1 so they scale with
// the image on any screen.
import { useRef, useState } from "react";
import { saveZonesAction } from "@/app/admin/_actions/pages";
import type { Zone } from "@/db/queries/pages";
import { ActionForm } from "./action-form";

type Item = { id: number; name: string; zone: Zone | null };
type Props = { issueRef: { paper: string; date: string }; pageId: number; image: { src: string; width: number; height: number }; pieces: Item[] };

const clamp = (n: number) => Math.min(1, Math.max(0, n));
const round = (n: number) => Math.round(n * 10000) / 10000;
const pct = (n: number) => `${(n * 100).toFixed(2)}%`;

export function ZoneEditor({ issueRef, pageId, image, pieces }: Props) {
  const [zones, setZones] = useState<Record<number, Zone | null>>(() => Object.fromEntries(pieces.map((p) => [p.id, p.zone])));
  const [selected, setSelected] = useState<number>(pieces[0]?.id ?? 0);
  const box = useRef<HTMLDivElement>(null);
  const start = useRef<{ x: number; y: number } | null>(null);

  const at = (e: React.PointerEvent) => {
    const r = box.current!.getBoundingClientRect();
    return { x: clamp((e.clientX - r.left) / r.width), y: clamp((e.clientY - r.top) / r.height) };
  };
  const drawTo = (p: { x: number; y: number }) => {
    const s = start.current!;
    setZones((z) => ({ ...z, [selected]: {
      x: round(Math.min(s.x, p.x)), y: round(Math.min(s.y, p.y)), w: round(Math.abs(p.x - s.x)), h: round(Math.abs(p.y - s.y)),
    } }));
  };
  const setField = (k: keyof Zone, v: string) => {
    const n = clamp(Number(v) / 100);
    if (!Number.isFinite(n)) return;
    setZones((z) => ({ ...z, [selected]: { ...(z[selected] ?? { x: 0, y: 0, w: 0.1, h: 0.1 }), [k]: round(n) } }));
  };
  const current = zones[selected] ?? null;
  const payload = JSON.stringify(pieces.map((p) => ({ pieceId: p.id, zone: zones[p.id] && zones[p.id]!.w > 0 && zones[p.id]!.h > 0 ? zones[p.id] : null })));

  return (
    <div className="admin-zones">
      <div
        ref={box}
        className="admin-zones__page"
        style={{ aspectRatio: `${image.width} / ${image.height}` }}
        data-testid="zone-canvas"
        onPointerDown={(e) => { if (!selected) return; e.currentTarget.setPointerCapture(e.pointerId); start.current = at(e); drawTo(start.current); }}
        onPointerMove={(e) => { if (start.current) drawTo(at(e)); }}
        onPointerUp={(e) => { if (start.current) { drawTo(at(e)); start.current = null; } }}
      >
        <img src={image.src} alt="版面图" draggable={false} />
        {pieces.map((p) => zones[p.id] && (
          <div key={p.id} className={`admin-zone${p.id === selected ? " admin-zone--selected" : ""}`}
            style={{ left: pct(zones[p.id]!.x), top: pct(zones[p.id]!.y), width: pct(zones[p.id]!.w), height: pct(zones[p.id]!.h) }}>
            <span>{p.name}</span>
          </div>
        ))}
      </div>
      <div className="admin-zones__side">
        <fieldset>
          <legend>选择文章，然后在版面图上拖动画出区域</legend>
          {pieces.map((p) => (
            <label key={p.id} className="admin-check">
              <input type="radio" name="piece" checked={p.id === selected} onChange={() => setSelected(p.id)} />
              {p.name} {zones[p.id] ? "✓" : ""}
            </label>
          ))}
        </fieldset>
        {selected > 0 && (
          <fieldset aria-label="区域位置（占版面的百分比）">
            <legend>位置与大小（%）</legend>
            {(["x", "y", "w", "h"] as const).map((k) => (
              <label key={k}>{{ x: "左", y: "上", w: "宽", h: "高" }[k]}
                <input type="number" min={0} max={100} step={0.1} value={current ? +(current[k] * 100).toFixed(2) : ""}
                  onChange={(e) => setField(k, e.target.value)} />
              </label>
            ))}
            <button type="button" onClick={() => setZones((z) => ({ ...z, [selected]: null }))}>清除此区域</button>
          </fieldset>
        )}
        <ActionForm action={saveZonesAction} hidden={{ ...issueRef, pageId, zones: payload }} submit="保存热区" label="保存热区" />
      </div>
    </div>
  );
}
