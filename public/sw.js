// Banmian's service worker: reads saved issues (保存本期) without a connection. It stores nothing
// on its own: the page writes an issue's pages, articles and images into a cache named
// "banmian-issue:{paper}/{date}" (components/reader/offline-box.island.ts); this worker only answers
// from those caches when the network fails. The back office, sign-in, search and the auth API are
// never answered from a cache.
const PREFIX = "banmian-issue:";
const NEVER = /^\/(admin|signin|search|api\/(auth|admin|signin|revalidate|health))(\/|$|\?)/;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

async function fromSaved(request, options) {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX)) continue;
    const hit = await (await caches.open(name)).match(request, options);
    if (hit) return hit;
  }
  return undefined;
}

function offlinePage() {
  const html = '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">' +
    "<title>离线</title><body style=\"font:1.2rem/1.8 sans-serif;margin:2rem;max-width:30rem\"><h1>现在没有网络</h1>" +
    "<p>这一页没有保存在本机。已保存的报纸可以离线阅读：联网时在版面上点“保存本期”。</p><p><a href=\"/\">返回首页</a></p></body></html>";
  return new Response(html, { status: 503, headers: { "content-type": "text/html; charset=utf-8" } });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (NEVER.test(url.pathname)) {
    // Search is never kept, but a reader offline is told why it does not answer.
    if (request.mode === "navigate" && url.pathname === "/search") event.respondWith(fetch(request).catch(() => offlinePage()));
    return;
  }

  if (request.mode === "navigate") {
    // Network first: a reader online always gets the current page.
    event.respondWith(fetch(request).catch(async () => (await fromSaved(request, { ignoreSearch: true })) || offlinePage()));
    return;
  }
  const saved = /^\/(_next\/static|islands|img|demo|media)\//.test(url.pathname) || /^\/(prefs\.js|favicon\.ico|manifest\.webmanifest|icon-\d+\.png)$/.test(url.pathname);
  if (saved) {
    // Saved copies first (they never change under one URL); another width of a saved scan will do offline.
    event.respondWith((async () => {
      const hit = await fromSaved(request);
      if (hit) return hit;
      try {
        return await fetch(request);
      } catch (e) {
        const other = url.pathname.startsWith("/img/") ? await fromSaved(request, { ignoreSearch: true }) : undefined;
        if (other) return other;
        throw e;
      }
    })());
    return;
  }
  if (url.pathname.startsWith("/api/v1/")) {
    event.respondWith(fetch(request).catch(async () => (await fromSaved(request)) || Response.error()));
  }
});
