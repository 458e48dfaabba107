"use client";
// 听报: reads an article, or every story of a page in order, aloud with the browser's own speech
// synthesis in Mandarin, one sentence at a time (Chrome stops long utterances after about 14 s),
// highlighting the sentence being read. Pause cancels and remembers the sentence, because
// speechSynthesis.pause() is unreliable on Android; resume starts that sentence again.
import { useEffect, useRef, useState } from "react";
import { splitSentences } from "@/lib/sentences";
import "./listen.css";

type Item = { text: string; el?: Element | null; range?: Range | null };
type Props = { mode: "article" } | { mode: "page"; source: string };
type Status = "idle" | "loading" | "playing" | "paused";

const RATES = [0.75, 1, 1.25, 1.5];

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

type PagePiece = { articleId: number; title: string | null; headline: string | null; paragraphs: string[] };

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

export function Listen(props: Props) {
  const [status, setStatus] = useState<Status>("idle");
  const [rate, setRate] = useState(1);
  const [message, setMessage] = useState("");
  const [now, setNow] = useState("");
  const items = useRef<Item[]>([]);
  const index = useRef(0);
  const token = useRef(0);
  const rateRef = useRef(rate);
  rateRef.current = rate;
  const voice = useRef<SpeechSynthesisVoice | null>(null);
  const label = props.mode === "article" ? "听本文" : "听本版";

  const unmark = () => {
    for (const e of document.querySelectorAll("[data-speaking]")) e.removeAttribute("data-speaking");
    if (typeof CSS !== "undefined" && "highlights" in CSS) CSS.highlights.delete("listen");
  };
  const mark = (item: Item) => {
    unmark();
    item.el?.setAttribute("data-speaking", "");
    if (item.range && typeof Highlight !== "undefined" && "highlights" in CSS) CSS.highlights.set("listen", new Highlight(item.range));
    const r = item.el?.getBoundingClientRect();
    if (item.el && r && (r.top < 0 || r.bottom > window.innerHeight)) item.el.scrollIntoView({ block: "center" });
    setNow(item.text);
  };

  const speakFrom = (i: number) => {
    const my = ++token.current;
    const synth = window.speechSynthesis;
    const step = (k: number) => {
      if (my !== token.current) return;
      if (k >= items.current.length) { stop(); return; }
      index.current = k;
      const item = items.current[k];
      mark(item);
      const u = new SpeechSynthesisUtterance(item.text);
      u.lang = "zh-CN";
      if (voice.current) u.voice = voice.current;
      u.rate = rateRef.current;
      u.onend = () => step(k + 1);
      u.onerror = (e) => {
        if (e.error === "interrupted" || e.error === "canceled") return;
        step(k + 1);
      };
      synth.speak(u);
    };
    setStatus("playing");
    step(i);
  };

  const stop = () => {
    token.current++;
    window.speechSynthesis?.cancel();
    unmark();
    setNow("");
    setStatus("idle");
  };

  const start = async () => {
    if (!("speechSynthesis" in window)) { setMessage("此浏览器不支持朗读。"); return; }
    const v = chineseVoice();
    if (v === "none") {
      setMessage("此浏览器没有中文语音，暂时无法朗读。可在系统设置里添加“中文（普通话）”语音后再试。");
      return;
    }
    voice.current = v;
    setMessage("");
    setStatus("loading");
    try {
      items.current = props.mode === "article" ? articleItems() : await pageItems(props.source);
    } catch {
      setStatus("idle");
      setMessage("未能取得本版文字，请稍后再试。");
      return;
    }
    if (items.current.length === 0) { setStatus("idle"); setMessage("没有可朗读的文字。"); return; }
    window.speechSynthesis.cancel();
    speakFrom(0);
  };

  const pause = () => {
    token.current++;
    window.speechSynthesis.cancel();
    setStatus("paused");
  };

  // Leaving the page stops the voice: it must not read a story that is no longer on screen.
  useEffect(() => () => {
    token.current++;
    if (typeof window !== "undefined" && "speechSynthesis" in window) window.speechSynthesis.cancel();
  }, []);

  return (
    <div className="listen" role="group" aria-label="听报" data-no-convert>
      {status === "idle" || status === "loading" ? (
        <button type="button" className="listen__main" onClick={start} disabled={status === "loading"}>
          {label}
        </button>
      ) : (
        <>
          {status === "playing"
            ? <button type="button" className="listen__main" onClick={pause}>暂停收听</button>
            : <button type="button" className="listen__main" onClick={() => speakFrom(index.current)}>继续收听</button>}
          <button type="button" onClick={stop}>停止收听</button>
        </>
      )}
      <label className="listen__rate">语速
        <select value={rate} onChange={(e) => setRate(Number(e.target.value))}>
          {RATES.map((r) => <option key={r} value={r}>{r === 1 ? "正常" : `${r}×`}</option>)}
        </select>
      </label>
      {now && <p className="listen__now"><span className="visually-hidden">正在朗读：</span>{now}</p>}
      {message && <p className="listen__note" role="status">{message}</p>}
    </div>
  );
}
