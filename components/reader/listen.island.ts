// 听报 (markup: listen.tsx): reads the article, or every story of the page in order, aloud with
// the browser's own speech synthesis in Mandarin, one sentence at a time (Chrome stops long
// utterances after about 14 s), highlighting the sentence being read. Pause cancels and
// remembers the sentence, because speechSynthesis.pause() is unreliable on Android; resume
// starts that sentence again.
import { splitSentences } from "@/lib/sentences";

type Item = { text: string; el?: Element | null; range?: Range | null };
type Status = "idle" | "loading" | "playing" | "paused";
type PagePiece = { articleId: number; title: string | null; headline: string | null; paragraphs: string[] };

/** A Range over characters [start, end) of an element's text, across its text nodes. */
function rangeIn(el: Element, start: number, end: number): Range | null {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let pos = 0;
  let began = false;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const len = n.data.length;
    if (!began && start < pos + len) { range.setStart(n, start - pos); began = true; }
    if (began && end <= pos + len) { range.setEnd(n, end - pos); return range; }
    pos += len;
  }
  return null;
}

/** The article on screen: title, subtitle and body paragraphs, each split into sentences. */
function articleItems(): Item[] {
  const els = [...document.querySelectorAll("#article-title, .article__subtitle, [data-article-body] p:not(.article__continues)")];
  return els.flatMap((el) => {
    const text = el.textContent ?? "";
    return splitSentences(text).map((s) => ({ text: s.text, el, range: rangeIn(el, s.start, s.end) }));
  });
}

async function pageItems(source: string): Promise<Item[]> {
  const res = await fetch(source, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(String(res.status));
  const body = (await res.json()) as { page: { pieces: PagePiece[] } };
  return body.page.pieces.flatMap((p) => {
    const el = document.querySelector(`[data-article-id="${p.articleId}"]`);
    const parts = [p.headline ?? p.title ?? "", ...p.paragraphs].filter(Boolean);
    return parts.flatMap((t) => splitSentences(t).map((s) => ({ text: s.text, el })));
  });
}

function chineseVoice(): SpeechSynthesisVoice | null | "none" {
  const voices = window.speechSynthesis.getVoices();
  const zh = voices.find((v) => /^(zh|cmn)[-_](CN|Hans)/i.test(v.lang)) ?? voices.find((v) => /^(zh|cmn)\b/i.test(v.lang));
  // Android lists no voices at all, only languages: asking for zh-CN by lang still works there.
  return zh ?? (voices.length > 0 ? "none" : null);
}

function unmark() {
  for (const e of document.querySelectorAll("[data-speaking]")) e.removeAttribute("data-speaking");
  if (typeof CSS !== "undefined" && "highlights" in CSS) CSS.highlights.delete("listen");
}

export function mountListen(root: HTMLElement) {
  const source = root.dataset.source;
  const main = root.querySelector<HTMLButtonElement>('[data-listen="main"]');
  const stopButton = root.querySelector<HTMLButtonElement>('[data-listen="stop"]');
  const rate = root.querySelector<HTMLSelectElement>("select");
  const nowLine = root.querySelector<HTMLElement>(".listen__now");
  const nowText = root.querySelector<HTMLElement>('[data-listen="now"]');
  const note = root.querySelector<HTMLElement>(".listen__note");
  if (!main) return;
  const label = main.textContent ?? "";
  let status: Status = "idle";
  let items: Item[] = [];
  let index = 0;
  let token = 0;
  let voice: SpeechSynthesisVoice | null = null;

  const say = (text: string) => { if (note) note.textContent = text; };
  const showNow = (text: string) => {
    if (nowText) nowText.textContent = text;
    if (nowLine) nowLine.hidden = !text;
  };
  const setStatus = (s: Status) => {
    status = s;
    main.textContent = s === "playing" ? "暂停收听" : s === "paused" ? "继续收听" : label;
    main.disabled = s === "loading";
    if (stopButton) stopButton.hidden = s === "idle" || s === "loading";
  };
  const mark = (item: Item) => {
    unmark();
    item.el?.setAttribute("data-speaking", "");
    if (item.range && typeof Highlight !== "undefined" && "highlights" in CSS) CSS.highlights.set("listen", new Highlight(item.range));
    const r = item.el?.getBoundingClientRect();
    if (item.el && r && (r.top < 0 || r.bottom > window.innerHeight)) item.el.scrollIntoView({ block: "center" });
    showNow(item.text);
  };
  const stop = () => {
    token++;
    window.speechSynthesis?.cancel();
    unmark();
    showNow("");
    setStatus("idle");
  };
  const speakFrom = (i: number) => {
    const my = ++token;
    const step = (k: number) => {
      if (my !== token) return;
      if (k >= items.length) { stop(); return; }
      index = k;
      const item = items[k];
      mark(item);
      const u = new SpeechSynthesisUtterance(item.text);
      u.lang = "zh-CN";
      if (voice) u.voice = voice;
      u.rate = Number(rate?.value) || 1;
      u.onend = () => step(k + 1);
      u.onerror = (e) => {
        if (e.error === "interrupted" || e.error === "canceled") return;
        step(k + 1);
      };
      window.speechSynthesis.speak(u);
    };
    setStatus("playing");
    step(i);
  };
  const start = async () => {
    if (!("speechSynthesis" in window)) { say("此浏览器不支持朗读。"); return; }
    const v = chineseVoice();
    if (v === "none") {
      say("此浏览器没有中文语音，暂时无法朗读。可在系统设置里添加“中文（普通话）”语音后再试。");
      return;
    }
    voice = v;
    say("");
    setStatus("loading");
    try {
      items = source ? await pageItems(source) : articleItems();
    } catch {
      setStatus("idle");
      say("未能取得本版文字，请稍后再试。");
      return;
    }
    if (items.length === 0) { setStatus("idle"); say("没有可朗读的文字。"); return; }
    window.speechSynthesis.cancel();
    speakFrom(0);
  };
  const pause = () => {
    token++;
    window.speechSynthesis.cancel();
    setStatus("paused");
  };

  main.addEventListener("click", () => {
    if (status === "idle") void start();
    else if (status === "playing") pause();
    else if (status === "paused") speakFrom(index);
  });
  stopButton?.addEventListener("click", stop);
  // Leaving the page stops the voice: it must not read a story that is no longer on screen (and
  // a page restored from the back/forward cache shows the controls at rest).
  window.addEventListener("pagehide", () => {
    if (status !== "idle") stop();
  });
}
