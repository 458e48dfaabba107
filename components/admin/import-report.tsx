// A page's last import as the editor needs it: what came in, and what to check (待核).
import type { PageImportReport } from "@/lib/import-types";

export function importSummaryText(r: PageImportReport): string {
  const parts = [`${r.pieces} 篇稿件`, `${r.jumps} 处转版`, `${r.doubts.length} 处待核`];
  if (r.textLayer === "none") parts.unshift("无文字层");
  if (r.textLayer === "garbage") parts.unshift("文字层乱码");
  return parts.join("，");
}

export function ImportReport({ report, short = false }: { report: PageImportReport; short?: boolean }) {
  if (short) return <span className="admin-muted">{importSummaryText(report)}</span>;
  const c = report.changes;
  return (
    <div className="admin-import-report">
      <p>{report.source === "pdf" ? "从 PDF 导入" : "从文字导入"}：{importSummaryText(report)}</p>
      {c && (
        <p>与替换前相比：新增 {c.added.length} 篇{c.added.length ? `（${c.added.join("、")}）` : ""}，
          删除 {c.removed.length} 篇{c.removed.length ? `（${c.removed.join("、")}）` : ""}，
          改动 {c.changed.length} 篇{c.changed.length ? `（${c.changed.join("、")}）` : ""}，
          未变 {c.kept.length} 篇（保留了编辑的修改）</p>
      )}
      {report.doubts.length > 0 && (
        <ul className="admin-doubts" aria-label="待核">
          {report.doubts.map((d, i) => <li key={i}>{d.message}</li>)}
        </ul>
      )}
    </div>
  );
}
