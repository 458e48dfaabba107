// One piece of the parser's proposal as editable fields, named p{i}.{field} for the save action.
import type { ParsedPiece } from "@/lib/parser";

const FIELDS = [
  ["kicker", "引题"], ["title", "主题"], ["subtitle", "副题"], ["column", "栏目"], ["byline", "作者"],
] as const;

export function ProposalPiece({ index, piece }: { index: number; piece: ParsedPiece }) {
  const name = (k: string) => `p${index}.${k}`;
  return (
    <fieldset className="admin-piece" aria-label={`第${index + 1}篇`}>
      <legend>第{index + 1}篇{piece.jumpFrom ? "（转版续文）" : ""}</legend>
      {FIELDS.map(([k, label]) => (
        <label key={k}>{label}<input name={name(k)} defaultValue={piece[k] ?? ""} /></label>
      ))}
      <label>正文（段与段之间空一行）
        <textarea name={name("paragraphs")} rows={Math.min(16, 3 + piece.paragraphs.length * 2)} defaultValue={piece.paragraphs.join("\n\n")} />
      </label>
      <div className="admin-row">
        <label>下转（版次）<input name={name("jumpTo")} size={4} defaultValue={piece.jumpTo ?? ""} /></label>
        <label>上接（版次）<input name={name("jumpFrom")} size={4} defaultValue={piece.jumpFrom ?? ""} /></label>
        <label className="admin-check"><input type="checkbox" name={name("drop")} /> 删除此篇</label>
      </div>
    </fieldset>
  );
}
