// 收藏 and reading history on an article, for a signed-in reader (markup: article-tools.tsx).
// Anonymous visitors (no reader hint, see reader-flag.ts) make no request: the link leads to
// sign-in.
import { hasReaderFlag, setReaderFlag } from "./reader-flag";

const post = (url: string, body: unknown, keepalive = false) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), keepalive });

/** How far down the article body the reader has scrolled, 0..1. */
function progressOf(): number {
  const body = document.querySelector("[data-article-body]");
  if (!body) return 0;
  const r = body.getBoundingClientRect();
  return Math.min(1, Math.max(0, (window.innerHeight - r.top) / Math.max(1, r.height)));
}

function bookmarkButton(articleId: number, saved: boolean): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "article-tools__save";
  const show = (on: boolean) => {
    button.setAttribute("aria-pressed", String(on));
    button.textContent = on ? "★ 已收藏" : "☆ 收藏";
  };
  show(saved);
  button.addEventListener("click", async () => {
    const next = button.getAttribute("aria-pressed") !== "true";
    const res = await post("/api/reader/bookmarks", { articleId, on: next }).catch(() => null);
    if (res?.ok) show(next);
  });
  return button;
}

export function mountBookmark(root: HTMLElement) {
  const articleId = Number(root.dataset.articleId);
  if (!hasReaderFlag() || !Number.isInteger(articleId)) return;
  // Every write ends up as a database commit: one when the story opens, one more on leaving
  // only if the reader got noticeably further.
  let sent = 0;
  fetch(`/api/reader/bookmarks?article=${articleId}`, { cache: "no-store" }).then(async (res) => {
    if (res.status === 401) return setReaderFlag(false);
    if (!res.ok) return;
    root.replaceChildren(bookmarkButton(articleId, !!(await res.json()).bookmarked));
    // 继续阅读 links end in #read-NN: back to where the reader stopped.
    const m = /^#read-(\d{1,2})$/.exec(window.location.hash);
    const body = document.querySelector("[data-article-body]");
    if (m && body) window.scrollTo(0, body.getBoundingClientRect().top + window.scrollY + (body.clientHeight * Number(m[1])) / 100 - 80);
    sent = progressOf();
    void post("/api/reader/history", { articleId, progress: sent });
  }).catch(() => {});
  window.addEventListener("pagehide", () => {
    const progress = progressOf();
    if (!hasReaderFlag() || progress < sent + 0.1) return;
    sent = progress;
    void post("/api/reader/history", { articleId, progress }, true).catch(() => {});
  });
}
