// An issue's pages: label, section, thumbnail, piece count; reorder, delete, add.
import Link from "next/link";
import type { PageForEdit } from "@/db/queries/edit-pages";
import { addPageAction, deletePageAction, movePageAction } from "@/app/admin/_actions/pages";
import { displayLabel } from "@/lib/labels";
import { ActionForm } from "./action-form";
import { ImportReport } from "./import-report";

type Ref = { paper: string; date: string };

export function IssuePages({ issueRef, pages }: { issueRef: Ref; pages: PageForEdit[] }) {
  const base = `/admin/${issueRef.paper}/${issueRef.date}`;
  return (
    <>
      {pages.length === 0 ? <p>还没有版面。先添加一版，或直接上传版面图（按文件名对应版次）。</p> : (
        <table className="admin-table admin-pages">
          <thead><tr><th>版次</th><th>版名</th><th>版面图</th><th>篇数</th><th>操作</th></tr></thead>
          <tbody>
            {pages.map((p, i) => (
              <tr key={p.id} data-page-label={p.label}>
                <td><Link href={`${base}/${p.label}`}>{displayLabel(p.label)}</Link></td>
                <td>{p.section ?? "—"}</td>
                <td>
                  {p.imagePath
                    ? <img className="admin-thumb" src={p.imagePath} alt={`${displayLabel(p.label)} 缩略图`} loading="lazy" width={60} height={p.imageWidth && p.imageHeight ? Math.round((60 * p.imageHeight) / p.imageWidth) : 84} />
                    : "无"}
                  {p.pdfPath && <> <a href={p.pdfPath}>PDF</a></>}
                </td>
                <td>{p.pieceCount}{p.importReport && <><br /><ImportReport report={p.importReport} short /></>}</td>
                <td className="admin-actions">
                  <Link href={`${base}/${p.label}`}>文字</Link>
                  {p.imagePath && <Link href={`${base}/${p.label}/zones`}>热区</Link>}
                  <ActionForm action={movePageAction} hidden={{ ...issueRef, pageId: p.id }} className="admin-form--inline">
                    <button type="submit" name="direction" value="-1" disabled={i === 0} aria-label={`${displayLabel(p.label)}上移`}>↑</button>
                    <button type="submit" name="direction" value="1" disabled={i === pages.length - 1} aria-label={`${displayLabel(p.label)}下移`}>↓</button>
                  </ActionForm>
                  <ActionForm action={deletePageAction} hidden={{ ...issueRef, pageId: p.id }} className="admin-form--inline"
                    confirm={`删除${displayLabel(p.label)}及其全部文字？此操作不能撤销。`}>
                    <button type="submit" className="admin-danger">删除</button>
                  </ActionForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ActionForm action={addPageAction} hidden={issueRef} submit="添加版面" className="admin-form--inline" label="添加版面" resetOnSuccess>
        <label>版次 <input name="label" required size={6} placeholder="1 或 A3" /></label>
        <label>版名 <input name="section" size={10} placeholder="要闻" /></label>
      </ActionForm>
    </>
  );
}
