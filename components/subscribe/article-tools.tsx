"use client";
// 收藏 and reading history on an article, for a signed-in reader. Anonymous visitors (no reader
// hint, see reader-flag.ts) make no request: the button leads to sign-in.
import { useEffect, useState } from "react";
import { accountHref, hasReaderFlag, setReaderFlag } from "./reader-flag";
import "./subscribe.css";

const post = (url: string, body: unknown, keepalive = false) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), keepalive });

/** How far down the article body the reader has scrolled, 0..1. */
function progressOf(): number {
  const body = document.querySelector("[data-article-body]");
  if (!body) return 0;
  const r = body.getBoundingClientRect();
  return Math.min(1, Math.max(0, (window.innerHeight - r.top) / Math.max(1, r.height)));
}

export function ArticleTools({ articleId }: { articleId: number }) {
  const [signedIn, setSignedIn] = useState(false);
  const [saved, setSaved] = useState<boolean | null>(null);
  const [here, setHere] = useState("");

  useEffect(() => {
    setHere(window.location.pathname);
    if (!hasReaderFlag()) return;
    // Every write ends up as a database commit: one when the story opens, one more on leaving
    // only if the reader got noticeably further.
    let sent = 0;
    fetch(`/api/reader/bookmarks?article=${articleId}`, { cache: "no-store" }).then(async (res) => {
      if (res.status === 401) return setReaderFlag(false);
      if (!res.ok) return;
      setSignedIn(true);
      setSaved((await res.json()).bookmarked);
      // 继续阅读 links end in #read-NN: back to where the reader stopped.
      const m = /^#read-(\d{1,2})$/.exec(window.location.hash);
      const body = document.querySelector("[data-article-body]");
      if (m && body) window.scrollTo(0, body.getBoundingClientRect().top + window.scrollY + (body.clientHeight * Number(m[1])) / 100 - 80);
      sent = progressOf();
      void post("/api/reader/history", { articleId, progress: sent });
    }).catch(() => {});
    const leave = () => {
      const progress = progressOf();
      if (!hasReaderFlag() || progress < sent + 0.1) return;
      sent = progress;
      void post("/api/reader/history", { articleId, progress }, true).catch(() => {});
    };
    window.addEventListener("pagehide", leave);
    return () => window.removeEventListener("pagehide", leave);
  }, [articleId]);

  async function toggle() {
    const next = !saved;
    const res = await post("/api/reader/bookmarks", { articleId, on: next }).catch(() => null);
    if (res?.ok) setSaved(next);
  }

  if (!signedIn) {
    return (
      <p className="article-tools">
        <a className="article-tools__save" href={accountHref("signin", here)}>☆ 收藏</a>
      </p>
    );
  }
  return (
    <p className="article-tools">
      <button type="button" className="article-tools__save" aria-pressed={!!saved} onClick={toggle} disabled={saved === null}>
        {saved ? "★ 已收藏" : "☆ 收藏"}
      </button>
    </p>
  );
}
