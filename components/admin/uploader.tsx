"use client";
// Uploads page scans and PDFs one by one, so each file shows its own progress and result
// (rendering a PDF takes a few seconds). The page comes from the choice below, or from each
// file's name (01.pdf, 3.png, A03.jpg); the server judges the file by its bytes.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { normalizeLabel } from "@/lib/labels";

type Row = { name: string; label: string | null; state: "waiting" | "uploading" | "done" | "failed"; note: string };

export function Uploader({ issueRef, labels }: { issueRef: { paper: string; date: string }; labels: string[] }) {
  const router = useRouter();
  const [rows, setRows] = useState<Row[]>([]);
  const [busy, setBusy] = useState(false);

  async function upload(form: HTMLFormElement) {
    const files = Array.from((form.elements.namedItem("files") as HTMLInputElement).files ?? []);
    const chosen = (form.elements.namedItem("label") as HTMLSelectElement).value;
    if (files.length === 0) return;
    const initial: Row[] = files.map((f) => {
      const label = chosen || normalizeLabel(f.name.replace(/\.[^.]*$/, ""));
      return { name: f.name, label, state: label ? "waiting" : "failed", note: label ? "等待上传" : "无法从文件名确定版次" };
    });
    setRows(initial);
    setBusy(true);
    const update = (i: number, patch: Partial<Row>) => setRows((r) => r.map((row, k) => (k === i ? { ...row, ...patch } : row)));
    for (let i = 0; i < files.length; i++) {
      if (!initial[i].label) continue;
      update(i, { state: "uploading", note: "上传并处理中…" });
      try {
        const q = new URLSearchParams({ ...issueRef, label: initial[i].label! });
        const res = await fetch(`/api/admin/upload?${q}`, { method: "POST", body: files[i] });
        const body = await res.json().catch(() => ({}));
        if (res.ok) update(i, { state: "done", note: `完成：第${body.label}版，${body.image.width}×${body.image.height}${body.pdf ? "，已保存 PDF" : ""}` });
        else update(i, { state: "failed", note: body.error ?? `失败（${res.status}）` });
      } catch {
        update(i, { state: "failed", note: "网络错误，请重试" });
      }
    }
    setBusy(false);
    router.refresh();
  }

  return (
    <form className="admin-form" onSubmit={(e) => { e.preventDefault(); void upload(e.currentTarget); }}>
      <label>文件（JPEG、PNG、WebP 图片不超过 30 MB；PDF 不超过 50 MB） <input type="file" name="files" multiple accept="image/jpeg,image/png,image/webp,application/pdf" required /></label>
      <label>对应版面 <select name="label" defaultValue="">
        <option value="">按文件名（如 01.pdf、3.png）</option>
        {labels.map((l) => <option key={l} value={l}>第{l}版</option>)}
      </select></label>
      <button type="submit" disabled={busy}>{busy ? "上传中…" : "上传"}</button>
      {rows.length > 0 && (
        <ol className="admin-uploads" aria-label="上传进度">
          {rows.map((r, i) => (
            <li key={i} className={`admin-upload admin-upload--${r.state}`}>
              <span>{r.name}</span> <span>{r.note}</span>
            </li>
          ))}
        </ol>
      )}
    </form>
  );
}
