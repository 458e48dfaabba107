"use client";
// 保存本期: keeps an issue on the device for reading without a connection. The page fetches the
// issue's pages, articles, page images at phone width and the scripts and styles they use, and
// puts them in one cache per issue; public/sw.js answers from it when the network fails.
// Saved issues are listed here with the space they take, and can be removed.
import { useCallback, useEffect, useState } from "react";

const PREFIX = "banmian-issue:";
const META_KEY = "banmian:saved";
// What a saved issue never holds, whatever a caller passes.
const NEVER = /^\/(admin|signin|search|api\/(auth|admin|signin))(\/|$|\?)/;

type Saved = { key: string; title: string; href: string; bytes: number; savedAt: string };
type Props = { issueKey: string; title: string; href: string; urls: string[] };

const readMeta = (): Record<string, Saved> => {
  try {
    return JSON.parse(localStorage.getItem(META_KEY) || "{}");
  } catch {
    return {};
  }
};
const writeMeta = (m: Record<string, Saved>) => {
  try {
    localStorage.setItem(META_KEY, JSON.stringify(m));
  } catch {
    // Storage full: the cache itself still holds the issue.
  }
};
export const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

const ASSET = /\/_next\/static\/[^"'\s<>()\\]+/g;

export function OfflineBox({ issueKey, title, href, urls }: Props) {
  const [supported, setSupported] = useState(true);
  const [saved, setSaved] = useState<Saved[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number; bytes: number } | null>(null);
  const [message, setMessage] = useState("");

  const refresh = useCallback(async () => {
    const names = new Set((await caches.keys()).filter((k) => k.startsWith(PREFIX)));
    const meta = readMeta();
    // A cache the browser evicted is no longer saved, whatever the list says.
    for (const k of Object.keys(meta)) if (!names.has(PREFIX + k)) delete meta[k];
    writeMeta(meta);
    setSaved(Object.values(meta).sort((a, b) => b.key.localeCompare(a.key)));
  }, []);

  useEffect(() => {
    if (!("serviceWorker" in navigator) || !("caches" in window)) { setSupported(false); return; }
    refresh().catch(() => setSupported(false));
  }, [refresh]);

  const save = async () => {
    setMessage("");
    try {
      await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      await navigator.serviceWorker.ready;
      const cache = await caches.open(PREFIX + issueKey);
      const queue = [...new Set(["/prefs.js", "/manifest.webmanifest", "/favicon.ico", ...urls])].filter((u) => !NEVER.test(u));
      const seen = new Set(queue);
      let bytes = 0;
      let done = 0;
      setProgress({ done, total: queue.length, bytes });
      for (let i = 0; i < queue.length; i++) {
        const url = queue[i];
        const res = await fetch(url, { credentials: "same-origin" });
        if (!res.ok) throw new Error(`${url}: ${res.status}`);
        const blob = await res.clone().blob();
        bytes += blob.size;
        // Pages name the scripts and styles they need: keep those too.
        if ((res.headers.get("content-type") || "").includes("text/html")) {
          for (const asset of (await blob.text()).match(ASSET) ?? []) {
            if (!seen.has(asset)) { seen.add(asset); queue.push(asset); }
          }
        }
        await cache.put(url, res);
        done++;
        setProgress({ done, total: queue.length, bytes });
      }
      const meta = readMeta();
      meta[issueKey] = { key: issueKey, title, href, bytes, savedAt: new Date().toISOString() };
      writeMeta(meta);
      setMessage(`已保存本期，共 ${formatBytes(bytes)}，没有网络时也能阅读。`);
      await refresh();
    } catch (e) {
      console.error("saving the issue failed", e);
      await caches.delete(PREFIX + issueKey).catch(() => {});
      setMessage("保存没有完成（网络中断或空间不足），请稍后再试。");
    } finally {
      setProgress(null);
    }
  };

  const remove = async (key: string) => {
    await caches.delete(PREFIX + key);
    const meta = readMeta();
    delete meta[key];
    writeMeta(meta);
    setMessage("已删除。");
    await refresh();
  };

  const isSaved = saved.some((s) => s.key === issueKey);
  return (
    <section className="side-box offline-box" aria-labelledby="offline-box-title" data-no-convert>
      <h2 id="offline-box-title" className="side-box__title">离线阅读</h2>
      {!supported ? <p className="side-box__empty">此浏览器不支持离线保存。</p> : (
        <>
          <button type="button" className="offline-box__save" onClick={save} disabled={progress !== null}>
            {isSaved ? "重新保存本期（离线阅读）" : "保存本期（离线阅读）"}
          </button>
          {progress && (
            <p className="offline-box__progress">
              <progress value={progress.done} max={progress.total} aria-label="保存进度" />
              <span role="status">正在保存 {progress.done} / {progress.total}，{formatBytes(progress.bytes)}</span>
            </p>
          )}
          {message && <p role="status" className="offline-box__message">{message}</p>}
          {saved.length > 0 && (
            <ul className="offline-box__list" aria-label="已保存的报纸">
              {saved.map((s) => (
                <li key={s.key}>
                  <a href={s.href}>{s.title}</a> <small>{formatBytes(s.bytes)}</small>
                  <button type="button" onClick={() => remove(s.key)} aria-label={`删除离线保存：${s.title}`}>删除</button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
