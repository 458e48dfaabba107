"use client";
// A page's text: paste or upload it, see the parser's proposal beside the source, correct it
// piece by piece, then save (which replaces the page's pieces and relinks the issue's jumps).
import { startTransition, useActionState } from "react";
import { initialActionState } from "@/lib/action-state";
import { parseTextAction, saveTextAction, type Proposal } from "@/app/admin/_actions/pages";
import { ActionForm, FormStatus } from "./action-form";
import { ProposalPiece } from "./proposal-piece";

type Props = { issueRef: { paper: string; date: string }; label: string; hasText: boolean };

export function TextImport({ issueRef, label, hasText }: Props) {
  const [state, parse, pending] = useActionState(parseTextAction, initialActionState);
  const proposal = state.ok ? (state.data as Proposal) : null;
  return (
    <>
      <form
        className="admin-form"
        aria-label="识别本版文字"
        action={parse}
        onSubmit={(e) => {
          // Keep the pasted text in the box whatever the answer (see ActionForm).
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(() => parse(data));
        }}
      >
        <input type="hidden" name="paper" value={issueRef.paper} />
        <input type="hidden" name="date" value={issueRef.date} />
        <input type="hidden" name="label" value={label} />
        <label>粘贴本版文字 <textarea name="text" rows={10} className="admin-source-input" /></label>
        <label>或上传文本文件（UTF-8 或 GB18030） <input type="file" name="file" accept=".txt,text/plain" /></label>
        <button type="submit" disabled={pending}>识别</button>
        <FormStatus state={state} pending={pending} />
      </form>
      {proposal && (
        <div className="admin-proposal" key={state.at}>
          <section aria-label="原文">
            <h3>原文</h3>
            <pre className="admin-source">{proposal.source}</pre>
          </section>
          <section aria-label="识别结果">
            <h3>识别结果（可修改）</h3>
            {hasText && <p className="admin-warn">保存后将替换本版现有的全部文字和热区。</p>}
            <ActionForm action={saveTextAction} hidden={{ ...issueRef, label }} submit="保存本版文字" label="保存识别结果">
              {/* biome-ignore lint/suspicious/noArrayIndexKey: a proposal's pieces are named by position (p0, p1 …) in the form. */}
              {proposal.pieces.map((p, i) => <ProposalPiece key={i} index={i} piece={p} />)}
            </ActionForm>
          </section>
        </div>
      )}
    </>
  );
}
