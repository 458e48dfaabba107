// The issue's jumps: linked (with 断开, and 确认 for a link made by reading order alone) and open
// 下转 (with a choice of open 上接 to link to).
import type { listJumpsForEdit } from "@/db/queries/edit-jumps";
import { confirmJumpAction, linkJumpAction, unlinkJumpAction } from "@/app/admin/_actions/jumps";
import { jumpFromText, jumpToText } from "@/lib/format";
import { displayLabel } from "@/lib/labels";
import { ActionForm } from "./action-form";

type Jumps = ReturnType<typeof listJumpsForEdit>;
type Ref = { paper: string; date: string };

export function IssueJumps({ issueRef, jumps }: { issueRef: Ref; jumps: Jumps }) {
  const { linked, open, continuations } = jumps;
  const taken = new Set(linked.map((l) => l.to.pieceId));
  const free = continuations.filter((c) => !taken.has(c.pieceId));
  return (
    <>
      <h3>已接上（{linked.length}）</h3>
      {linked.some((l) => l.uncertain) && (
        <p className="admin-warn" role="note">
          标有“待核对”的转版是按版面顺序自动接上的，没有转版标题可以印证：请读一读前后文，确认无误或断开。
        </p>
      )}
      {linked.length === 0 ? <p>没有。</p> : (
        <ul className="admin-list" aria-label="已接上的转版">
          {linked.map((l) => (
            <li key={l.to.pieceId} className={l.uncertain ? "admin-uncertain" : undefined}>
              {l.uncertain && <strong className="admin-badge admin-badge--warn">待核对</strong>}{" "}
              《{l.from.name}》{displayLabel(l.from.label)}{jumpToText(l.from.jump)} → {displayLabel(l.to.label)}「{l.to.name}」{jumpFromText(l.to.jump)}
              {l.uncertain && (
                <ActionForm action={confirmJumpAction} hidden={{ ...issueRef, pieceId: l.to.pieceId }} className="admin-form--inline">
                  <button type="submit">确认无误</button>
                </ActionForm>
              )}
              <ActionForm action={unlinkJumpAction} hidden={{ ...issueRef, pieceId: l.to.pieceId }} className="admin-form--inline">
                <button type="submit">断开</button>
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      <h3>未接上的下转（{open.length}）</h3>
      {open.length === 0 ? <p>没有。</p> : (
        <ul className="admin-list" aria-label="未接上的下转">
          {open.map((j) => {
            // Continuations that say they come from this page and sit on the page named first.
            const ranked = [...free].sort((a, b) => score(b, j) - score(a, j));
            return (
              <li key={j.pieceId}>
                《{j.name}》{displayLabel(j.label)}{jumpToText(j.jump)}
                {ranked.length === 0 ? <span className="admin-muted">（没有可接的上接文字）</span> : (
                  <ActionForm action={linkJumpAction} hidden={{ ...issueRef, fromArticleId: j.articleId }} className="admin-form--inline" submit="接上">
                    <label>接到 <select name="toArticleId" defaultValue={ranked[0].articleId}>
                      {ranked.map((c) => (
                        <option key={c.pieceId} value={c.articleId}>{displayLabel(c.label)}「{c.name}」{jumpFromText(c.jump)}</option>
                      ))}
                    </select></label>
                  </ActionForm>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h3>未接上的上接（{free.length}）</h3>
      {free.length === 0 ? <p>没有。</p> : (
        <ul className="admin-list" aria-label="未接上的上接">
          {free.map((c) => <li key={c.pieceId}>{displayLabel(c.label)}「{c.name}」{jumpFromText(c.jump)}</li>)}
        </ul>
      )}
    </>
  );
}

const score = (c: { label: string; jump: string }, j: { label: string; jump: string }) =>
  (c.label === j.jump ? 2 : 0) + (c.jump === j.label ? 1 : 0);
