// 保存本期 (markup: offline-box.tsx). Fetches the issue's pages, articles, page images at phone
// width and the scripts and styles they use, and puts them in one cache per issue; public/sw.js
// answers from it when the network fails. Saved issues are listed with the space they take, and
// can be removed.
const PREFIX = "banmian-issue:";
const META_KEY = "banmian:saved";
// What a saved issue never holds, whatever a caller passes.
const NEVER = /^\/(admin|signin|search|api\/(auth|admin|signin))(\/|$|\?)/;
// What a page names that it needs: build CSS and the islands' scripts.
const ASSET = /\/(?:_next\/static|islands)\/[^"'\s<>()\\]+/g;
// What an islands script imports before it runs (not its import("…") on demand).
const STATIC_IMPORT = /(?:from|import)\s*"\.\/([\w-]+\.js)"/g;

type Saved = { key: string; title: string; href: string; bytes: number; savedAt: string };

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

/** The URLs a fetched file names that a saved issue needs too. */
async function needs(url: string, blob: Blob, type: string): Promise<string[]> {
  if (type.includes("text/html")) return (await blob.text()).match(ASSET) ?? [];
  if (url.startsWith("/islands/") && type.includes("javascript")) {
    return [...(await blob.text()).matchAll(STATIC_IMPORT)].map((m) => `/islands/${m[1]}`);
  }
  return [];
}

export function mountOffline(root: HTMLElement) {
  const issueKey = root.dataset.issueKey ?? "";
  const title = root.dataset.title ?? "";
  const href = root.dataset.href ?? "";
  const urls = JSON.parse(root.dataset.urls || "[]") as string[];
  const button = root.querySelector<HTMLButtonElement>(".offline-box__save");
  const progressLine = root.querySelector<HTMLElement>(".offline-box__progress");
  const bar = progressLine?.querySelector("progress");
  const progressText = progressLine?.querySelector<HTMLElement>("[role=status]");
  const message = root.querySelector<HTMLElement>(".offline-box__message");
  const list = root.querySelector<HTMLUListElement>(".offline-box__list");
  if (!button || !list) return;
  const say = (text: string) => { if (message) message.textContent = text; };

  const unsupported = () => {
    const p = document.createElement("p");
    p.className = "side-box__empty";
    p.textContent = "此浏览器不支持离线保存。";
    button.replaceWith(p);
  };
  if (!("serviceWorker" in navigator) || !("caches" in window)) {
    unsupported();
    return;
  }

  const showProgress = (p: { done: number; total: number; bytes: number } | null) => {
    button.disabled = p !== null;
    if (progressLine) progressLine.hidden = p === null;
    if (!p) return;
    if (bar) { bar.value = p.done; bar.max = p.total; }
    if (progressText) progressText.textContent = `正在保存 ${p.done} / ${p.total}，${formatBytes(p.bytes)}`;
  };

  const showList = (saved: Saved[]) => {
    button.textContent = saved.some((s) => s.key === issueKey) ? "重新保存本期（离线阅读）" : "保存本期（离线阅读）";
    list.hidden = saved.length === 0;
    list.replaceChildren(...saved.map((s) => {
      const li = document.createElement("li");
      const link = document.createElement("a");
      link.href = s.href;
      link.textContent = s.title;
      const size = document.createElement("small");
      size.textContent = formatBytes(s.bytes);
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "删除";
      remove.setAttribute("aria-label", `删除离线保存：${s.title}`);
      remove.addEventListener("click", async () => {
        await caches.delete(PREFIX + s.key);
        const meta = readMeta();
        delete meta[s.key];
        writeMeta(meta);
        say("已删除。");
        await refresh();
      });
      li.append(link, " ", size, remove);
      return li;
    }));
  };

  async function refresh() {
    const names = new Set((await caches.keys()).filter((k) => k.startsWith(PREFIX)));
    const meta = readMeta();
    // A cache the browser evicted is no longer saved, whatever the list says.
    for (const k of Object.keys(meta)) if (!names.has(PREFIX + k)) delete meta[k];
    writeMeta(meta);
    showList(Object.values(meta).sort((a, b) => b.key.localeCompare(a.key)));
  }

  button.addEventListener("click", async () => {
    say("");
    try {
      await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      await navigator.serviceWorker.ready;
      const cache = await caches.open(PREFIX + issueKey);
      const queue = [...new Set(["/prefs.js", "/manifest.webmanifest", "/favicon.ico", ...urls])].filter((u) => !NEVER.test(u));
      const seen = new Set(queue);
      let bytes = 0;
      let done = 0;
      showProgress({ done, total: queue.length, bytes });
      for (let i = 0; i < queue.length; i++) {
        const url = queue[i];
        const res = await fetch(url, { credentials: "same-origin" });
        if (!res.ok) throw new Error(`${url}: ${res.status}`);
        const blob = await res.clone().blob();
        bytes += blob.size;
        for (const more of await needs(url, blob, res.headers.get("content-type") || "")) {
          if (!seen.has(more)) { seen.add(more); queue.push(more); }
        }
        await cache.put(url, res);
        done++;
        showProgress({ done, total: queue.length, bytes });
      }
      const meta = readMeta();
      meta[issueKey] = { key: issueKey, title, href, bytes, savedAt: new Date().toISOString() };
      writeMeta(meta);
      say(`已保存本期，共 ${formatBytes(bytes)}，没有网络时也能阅读。`);
      await refresh();
    } catch (e) {
      console.error("saving the issue failed", e);
      await caches.delete(PREFIX + issueKey).catch(() => {});
      say("保存没有完成（网络中断或空间不足），请稍后再试。");
    } finally {
      showProgress(null);
    }
  });

  // Where the cache cannot even be listed (some private modes), saving would fail too.
  refresh().catch(unsupported);
}
