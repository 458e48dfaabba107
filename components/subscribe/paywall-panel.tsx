"use client";
// A gated story's body: the opening every visitor gets (rendered on the server, cached, the same
// for everyone), then 订阅后阅读全文 with sign-in and code redemption. A signed-in reader with
// access gets the full text from /api/reader/articles/{id} (private, never cached) in its place.
import { useEffect, useState } from "react";
import { displayLabel } from "@/lib/labels";
import { hasReaderFlag, setReaderFlag, accountHref } from "./reader-flag";
import { RedeemForm } from "./redeem-form";
import "./subscribe.css";

type Piece = { id: number; pageLabel: string; paragraphs: string[] };
type State = "anonymous" | "loading" | "no-access" | "full";

export function PaywallPanel({ articleId, opening, pieceHref }: {
  articleId: number; opening: Piece[]; pieceHref: Record<number, string>;
}) {
  const [state, setState] = useState<State>("anonymous");
  const [pieces, setPieces] = useState<Piece[]>(opening);
  const [meterLeft, setMeterLeft] = useState<number | null>(null);
  const [here, setHere] = useState("");

  async function load() {
    setState("loading");
    try {
      const res = await fetch(`/api/reader/articles/${articleId}`, { credentials: "same-origin", cache: "no-store" });
      const body = await res.json().catch(() => ({}));
      if (res.ok) {
        setPieces(body.pieces);
        setState("full");
        return;
      }
      if (res.status === 401) setReaderFlag(false);
      setMeterLeft(typeof body.meterLeft === "number" ? body.meterLeft : null);
      setState(res.status === 401 ? "anonymous" : "no-access");
    } catch {
      setState("anonymous");
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once per article; load itself is a fresh closure each render.
  useEffect(() => {
    setHere(window.location.pathname);
    if (hasReaderFlag()) void load();
  }, [articleId]);

  return (
    <>
      <div className="article__body" data-article-body data-access={state === "full" ? "full" : "opening"}>
        {pieces.filter((p, i) => i === 0 || p.paragraphs.length > 0).map((piece, i) => (
          <section key={piece.id} className="article__part" data-piece-id={piece.id} aria-label={i > 0 ? `续${displayLabel(piece.pageLabel)}` : undefined}>
            {i > 0 && (
              <p className="article__continues"><a href={pieceHref[piece.id]}>——以下内容见{displayLabel(piece.pageLabel)}</a></p>
            )}
            {/* biome-ignore lint/suspicious/noArrayIndexKey: a piece's paragraphs are fixed and never reordered. */}
            {piece.paragraphs.map((p, j) => <p key={j}>{p}</p>)}
          </section>
        ))}
      </div>
      {state !== "full" && (
        <aside className="paywall" aria-labelledby="paywall-title">
          <h2 id="paywall-title">订阅后阅读全文</h2>
          {state === "no-access" ? (
            <>
              <p>您的账户暂未订阅本报{meterLeft === 0 ? "，本月免费篇数已用完" : ""}。持有印刷版订阅的激活码？在此兑换：</p>
              <RedeemForm onRedeemed={() => void load()} />
              <p className="paywall__links"><a href="/account">我的账户</a></p>
            </>
          ) : state === "loading" ? (
            <p>正在确认您的订阅…</p>
          ) : (
            <>
              <p>本文为订户专享。已订阅的读者请登录；印刷版订户可用激活码开通。</p>
              <p className="paywall__links">
                <a className="paywall__primary" href={accountHref("signin", here)}>登录</a>
                <a href={accountHref("signup", here)}>注册账户</a>
              </p>
            </>
          )}
        </aside>
      )}
    </>
  );
}
