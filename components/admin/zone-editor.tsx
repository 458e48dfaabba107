"use client";
// Draws each piece's zone on the page image: pick a piece, drag on the image, adjust with the
// numbers (per cent of the page), save. A zone is one or more rectangles (an L-shaped story has
// two): 添加矩形 draws another. Zones are stored as fractions 0..1 so they scale with the image.
import { useRef, useState } from "react";
import { saveZonesAction } from "@/app/admin/_actions/pages";
import type { Zone } from "@/db/queries/pages";
import { ActionForm } from "./action-form";

type Item = { id: number; name: string; zones: Zone[]; doubt?: string | null };
type Props = { issueRef: { paper: string; date: string }; pageId: number; image: { src: string; width: number; height: number }; pieces: Item[] };

const clamp = (n: number) => Math.min(1, Math.max(0, n));
const round = (n: number) => Math.round(n * 10000) / 10000;
const pct = (n: number) => `${(n * 100).toFixed(2)}%`;

export function ZoneEditor({ issueRef, pageId, image, pieces }: Props) {
  const [zones, setZones] = useState<Record<number, Zone[]>>(() => Object.fromEntries(pieces.map((p) => [p.id, p.zones])));
  const [selected, setSelected] = useState<number>(pieces[0]?.id ?? 0);
  // Which rectangle of the selected piece the numbers and the next drag change; -1: a new one.
  const [rect, setRect] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const start = useRef<{ x: number; y: number; index: number } | null>(null);

  const at = (e: React.PointerEvent) => {
    const r = box.current!.getBoundingClientRect();
    return { x: clamp((e.clientX - r.left) / r.width), y: clamp((e.clientY - r.top) / r.height) };
  };
  const put = (index: number, z: Zone) => setZones((all) => {
    const list = [...(all[selected] ?? [])];
    list[Math.min(index, list.length)] = z;
    return { ...all, [selected]: list };
  });
  const drawTo = (p: { x: number; y: number }) => {
    const s = start.current!;
    put(s.index, { x: round(Math.min(s.x, p.x)), y: round(Math.min(s.y, p.y)), w: round(Math.abs(p.x - s.x)), h: round(Math.abs(p.y - s.y)) });
  };
  const list = zones[selected] ?? [];
  const active = rect < 0 || rect >= list.length ? list.length : rect;
  const current = list[active] ?? null;
  const setField = (k: keyof Zone, v: string) => {
    const n = clamp(Number(v) / 100);
    if (!Number.isFinite(n)) return;
    put(active, { ...(current ?? { x: 0, y: 0, w: 0.1, h: 0.1 }), [k]: round(n) });
  };
  const choose = (id: number) => { setSelected(id); setRect(0); };
  const payload = JSON.stringify(pieces.map((p) => ({ pieceId: p.id, zones: (zones[p.id] ?? []).filter((z) => z.w > 0 && z.h > 0) })));

  return (
    <div className="admin-zones">
      <div
        ref={box}
        className="admin-zones__page"
        style={{ aspectRatio: `${image.width} / ${image.height}` }}
        data-testid="zone-canvas"
        onPointerDown={(e) => {
          if (!selected) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          start.current = { ...at(e), index: active };
          if (rect < 0) setRect(active);
          drawTo(start.current);
        }}
        onPointerMove={(e) => { if (start.current) drawTo(at(e)); }}
        onPointerUp={(e) => { if (start.current) { drawTo(at(e)); start.current = null; } }}
      >
        <img src={image.src} alt="版面图" draggable={false} />
        {pieces.flatMap((p) => (zones[p.id] ?? []).map((z, i) => (
          <div key={`${p.id}-${i}`} className={`admin-zone${p.id === selected ? " admin-zone--selected" : ""}${p.doubt ? " admin-zone--doubt" : ""}`}
            style={{ left: pct(z.x), top: pct(z.y), width: pct(z.w), height: pct(z.h) }}>
            {i === 0 && <span>{p.doubt ? "？" : ""}{p.name}</span>}
          </div>
        )))}
      </div>
      <div className="admin-zones__side">
        <fieldset>
          <legend>选择文章，然后在版面图上拖动画出区域</legend>
          {pieces.map((p) => (
            <label key={p.id} className="admin-check">
              <input type="radio" name="piece" checked={p.id === selected} onChange={() => choose(p.id)} />
              {p.name} {zones[p.id]?.length ? `✓${zones[p.id].length > 1 ? ` ${zones[p.id].length} 块` : ""}` : ""}
              {p.doubt && <span className="admin-warn"> 待核：{p.doubt}</span>}
            </label>
          ))}
        </fieldset>
        {selected > 0 && (
          <fieldset aria-label="区域位置（占版面的百分比）">
            <legend>位置与大小（%）</legend>
            {list.length > 1 && (
              <label>矩形 <select value={active} onChange={(e) => setRect(Number(e.target.value))}>
                {list.map((_, i) => <option key={i} value={i}>第{i + 1}块</option>)}
              </select></label>
            )}
            {(["x", "y", "w", "h"] as const).map((k) => (
              <label key={k}>{{ x: "左", y: "上", w: "宽", h: "高" }[k]}
                <input type="number" min={0} max={100} step={0.1} value={current ? +(current[k] * 100).toFixed(2) : ""}
                  onChange={(e) => setField(k, e.target.value)} />
              </label>
            ))}
            <button type="button" onClick={() => setRect(-1)} disabled={rect < 0 || list.length === 0}>添加矩形（再拖动一次）</button>
            <button type="button" onClick={() => { setZones((z) => ({ ...z, [selected]: list.filter((_, i) => i !== active) })); setRect(0); }}>删除此矩形</button>
            <button type="button" onClick={() => { setZones((z) => ({ ...z, [selected]: [] })); setRect(0); }}>清除此区域</button>
          </fieldset>
        )}
        <ActionForm action={saveZonesAction} hidden={{ ...issueRef, pageId, zones: payload }} submit="保存热区" label="保存热区" />
      </div>
    </div>
  );
}
