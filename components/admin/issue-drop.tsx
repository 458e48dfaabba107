"use client";
// One drop per issue: the issue's print PDFs at once (one per page, or one multi-page PDF). Files
// go one by one; the server streams each page's progress (read, render, link) and its result.
// Labels come from the file names (01.pdf, A03.pdf, 第3版.pdf), else the page furniture, else the
// order of the drop. A bad file says why and the others go on.
import { useState } from "react";
import { useRouter } from "next/navigation";

type Result = {
  pieces: number; jumps: number; textLayer: "ok" | "none" | "garbage" | null; replaced: boolean;
  doubts: { message: string }[] | undefined;
  changes: { added: string[]; removed: string[]; changed: string[]; kept: string[] } | null | undefined;
};
type Row = { key: string; file: string; label: string | null; step: number; note: string; failed?: boolean; doubts?: string[] };

const STEPS = { read: 1, render: 2, link: 3, done: 4 } as const;
const STEP_NAMES = ["等待", "读取", "渲染", "接转版", "完成"];

function resultNote(r: Result): string {
  const parts = [`${r.pieces} 篇稿件`, `${r.jumps} 处转版`, `${r.doubts?.length ?? 0} 处待核`];
  if (r.textLayer === "none") parts.unshift("无文字层");
  if (r.textLayer === "garbage") parts.unshift("文字层乱码，未导入文字");
  const c = r.changes;
  if (r.replaced && c) parts.push(`替换：新增 ${c.added.length}、删除 ${c.removed.length}、改动 ${c.changed.length}、保留修改 ${c.kept.length}`);
  return parts.join("，");
}

export function IssueDrop({ issueRef, published }: { issueRef: { paper: string; date: string }; published: boolean }) {
  const router = useRouter();
  const [rows, setRows] = useState<Row[]>([]);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  const upsert = (key: string, patch: Partial<Row> & { file: string }) => setRows((all) => {
    const i = all.findIndex((r) => r.key === key);
    if (i < 0) return [...all, { key, label: null, step: 0, note: "", ...patch }];
    return all.map((r, k) => (k === i ? { ...r, ...patch } : r));
  });

  async function send(files: File[]) {
    const pdfs = [...files].sort((a, b) => a.name.localeCompare(b.name, "zh", { numeric: true }));
    if (pdfs.length === 0) return;
    setBusy(true);
    setRows([]);
    let start = 1;
    for (const [n, f] of pdfs.entries()) {
      const fileKey = `${n}`;
      upsert(`${fileKey}:0`, { file: f.name, note: "上传中…", step: 0 });
      try {
        const q = new URLSearchParams({ ...issueRef, name: f.name, start: String(start) });
        const res = await fetch(`/api/admin/upload/issue?${q}`, { method: "POST", body: f });
        if (!res.ok || !res.body) {
          const body = await res.json().catch(() => ({}));
          upsert(`${fileKey}:0`, { file: f.name, note: body.error ?? `失败（${res.status}）`, failed: true });
          continue;
        }
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += value;
          const lines = buffer.split("\n");
          buffer = lines.pop() ?? "";
          for (const line of lines.filter(Boolean)) {
            const e = JSON.parse(line);
            if (e.error) { upsert(`${fileKey}:0`, { file: f.name, note: e.error, failed: true }); continue; }
            const key = `${fileKey}:${e.page}`;
            const step = STEPS[e.stage as keyof typeof STEPS] ?? 0;
            if (e.result) {
              const m = /^(\d+)$/.exec(e.label ?? "");
              if (m) start = Math.max(start, Number(m[1]) + 1);
              upsert(key, { file: f.name, label: e.label, step, note: resultNote(e.result), doubts: e.result.doubts?.map((d: { message: string }) => d.message) });
            } else upsert(key, { file: f.name, label: e.label, step, note: `${STEP_NAMES[step]}中…` });
          }
        }
      } catch {
        upsert(`${fileKey}:0`, { file: f.name, note: "网络错误，请重试", failed: true });
      }
    }
    setBusy(false);
    router.refresh();
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the file input inside is the keyboard's way in
    <div className={`admin-drop${over ? " admin-drop--over" : ""}`}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => { e.preventDefault(); setOver(false); if (!busy) void send(Array.from(e.dataTransfer.files)); }}>
      <label>把本期的 PDF 拖到这里，或选择文件（每版一个 PDF，或整期一个多页 PDF；每个不超过 50 MB）{" "}
        <input type="file" name="pdfs" multiple accept="application/pdf,.pdf" disabled={busy}
          onChange={(e) => { void send(Array.from(e.currentTarget.files ?? [])); e.currentTarget.value = ""; }} />
      </label>
      <p className="admin-muted">版次取自文件名（01.pdf、A03.pdf、第3版.pdf），否则取自版面上的版次，否则按顺序。同一版再次导入时替换该版，未改动的稿件保留编辑的修改。</p>
      {published
        ? <p className="admin-warn">本期已发布：导入的版面会立即对读者可见。</p>
        : <p className="admin-muted">本期是草稿：核对导入结果后再发布。</p>}
      {rows.length > 0 && (
        <ol className="admin-uploads" aria-label="导入进度">
          {rows.map((r) => (
            <li key={r.key} className={`admin-upload admin-upload--${r.failed ? "failed" : r.step === 4 ? "done" : "uploading"}`}>
              <span>{r.file}{r.label && ` · 第${r.label}版`}</span>{" "}
              {!r.failed && <progress max={4} value={r.step} aria-label={`${r.label ?? r.file} 进度`} />}{" "}
              <span>{r.note}</span>
              {r.doubts && r.doubts.length > 0 && <ul className="admin-doubts">{r.doubts.map((d, i) => <li key={i}>{d}</li>)}</ul>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
