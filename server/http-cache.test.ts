import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { etagMatches } from "./etag";
import { classifyPath, computeEtag, HttpCache, pickEncoding, PRIVATE_CACHE_CONTROL, READER_CACHE_CONTROL } from "./http-cache";

describe("classifyPath", () => {
  it("keeps the back office, sign-in and auth private, whatever the case", () => {
    for (const p of ["/admin", "/admin/linlan/2026-11-26", "/ADMIN", "/api/admin/upload", "/signin", "/api/auth/session", "/api/signin"]) {
      expect(classifyPath(p)).toBe("private");
    }
  });
  it("treats papers, issues and search as reader pages, and leaves assets and APIs alone", () => {
    for (const p of ["/", "/linlan/2026-11-26", "/linlan/2026-11-26/3", "/search", "/linlan/feed.xml", "/administrator-news"]) {
      expect(classifyPath(p)).toBe("reader");
    }
    for (const p of ["/_next/static/chunks/a.js", "/islands/reader-AB12.js", "/api/health", "/img/demo/x.webp", "/media/abc.webp", "/favicon.ico"]) {
      expect(classifyPath(p)).toBe("other");
    }
  });
});

describe("ETags", () => {
  it("are strong, and the same bytes give the same tag", () => {
    const tag = computeEtag(Buffer.from("版面"));
    expect(tag).toMatch(/^"[^"]+"$/);
    expect(computeEtag(Buffer.from("版面"))).toBe(tag);
    expect(computeEtag(Buffer.from("版面 "))).not.toBe(tag);
  });
  it("match If-None-Match lists, weak forms and *", () => {
    expect(etagMatches('"a", "b"', '"b"')).toBe(true);
    expect(etagMatches('W/"b"', '"b"')).toBe(true);
    expect(etagMatches("*", '"b"')).toBe(true);
    expect(etagMatches('"c"', '"b"')).toBe(false);
    expect(etagMatches(undefined, '"b"')).toBe(false);
  });
});

type Next = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server | null = null;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function serve(cache: HttpCache, next: Next): Promise<string> {
  server = createServer((req, res) => cache.handle(req, res, next));
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

/** A stand-in for Next: streams an HTML page in pieces, as an ISR hit would. */
function page(body: () => string, extra: (res: ServerResponse) => void = () => {}): Next & { calls: number } {
  const fn = ((_req: IncomingMessage, res: ServerResponse) => {
    fn.calls++;
    res.statusCode = 200;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("cache-control", "s-maxage=300, stale-while-revalidate=31535700");
    extra(res);
    res.flushHeaders();
    const text = body();
    res.write(text.slice(0, 3));
    setTimeout(() => res.end(text.slice(3)), 2);
  }) as Next & { calls: number };
  fn.calls = 0;
  return fn;
}

function versioned() {
  const state = { version: 1 };
  return { state, contentStamp: () => `s${state.version}` };
}

describe("HttpCache", () => {
  it("tags reader pages, answers If-None-Match with 304, and sets CDN-ready Cache-Control", async () => {
    const next = page(() => "<html>头版</html>");
    const origin = await serve(new HttpCache({ responseCache: false }), next);
    const res = await fetch(`${origin}/linlan/2026-11-26`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("<html>头版</html>");
    expect(res.headers.get("cache-control")).toBe(READER_CACHE_CONTROL);
    const etag = res.headers.get("etag")!;
    expect(etag).toBe(computeEtag(Buffer.from("<html>头版</html>")));
    const again = await fetch(`${origin}/linlan/2026-11-26`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
  });

  it("keeps private routes and cookie-setting responses out of shared caches", async () => {
    const next = page(() => "<html>x</html>", (res) => {
      if (res.req.url?.startsWith("/linlan")) res.setHeader("set-cookie", "a=b");
    });
    const { contentStamp } = versioned();
    const origin = await serve(new HttpCache({ contentStamp }), next);
    for (const path of ["/admin", "/signin", "/api/auth/session", "/linlan/2026-11-26"]) {
      const res = await fetch(origin + path);
      await res.text();
      expect(res.headers.get("cache-control"), path).toBe(PRIVATE_CACHE_CONTROL);
      expect(res.headers.get("etag"), path).toBeNull();
    }
    await (await fetch(`${origin}/linlan/2026-11-26`)).text();
    expect(next.calls).toBe(5); // the cookie-setting page was never served from memory
  });

  it("serves a page from memory until the database changes", async () => {
    let text = "第一版";
    const next = page(() => text);
    const { state, contentStamp } = versioned();
    const origin = await serve(new HttpCache({ contentStamp }), next);
    const get = async () => {
      const res = await fetch(`${origin}/linlan/2026-11-26`);
      return { text: await res.text(), cache: res.headers.get("x-response-cache") };
    };
    expect(await get()).toEqual({ text: "第一版", cache: null });
    expect(await get()).toEqual({ text: "第一版", cache: "hit" });
    expect(next.calls).toBe(1);
    text = "第二版";
    state.version++;
    expect((await get()).text).toBe("第二版");
    expect(next.calls).toBe(2);
  });

  it("is not emptied by a write that leaves the content stamp alone (a failed sign-in), but looks again at once", async () => {
    const next = page(() => "p");
    const { contentStamp } = versioned();
    let writes = 0;
    const cache = new HttpCache({ contentStamp, afterWrite: () => writes++ });
    const origin = await serve(cache, (req, res) => (req.method === "POST" ? res.end("ok") : next(req, res)));
    await (await fetch(`${origin}/x/2026-01-01`)).text();
    await (await fetch(`${origin}/api/signin`, { method: "POST" })).text();
    await new Promise((r) => setTimeout(r, 10));
    await (await fetch(`${origin}/x/2026-01-01`)).text();
    expect(next.calls).toBe(1);
    expect(writes).toBe(1);
  });

  it("is not emptied by an anonymous write that changes nothing readers see", async () => {
    const next = page(() => "p");
    const { contentStamp } = versioned();
    const origin = await serve(new HttpCache({ contentStamp }), (req, res) => (req.method === "POST" ? res.end("ok") : next(req, res)));
    await (await fetch(`${origin}/x/2026-01-01`)).text();
    for (const path of ["/x/2026-01-01", "/search", "/linlan/feed.xml"]) await (await fetch(`${origin}${path}`, { method: "POST" })).text();
    await new Promise((r) => setTimeout(r, 10));
    await (await fetch(`${origin}/x/2026-01-01`)).text();
    expect(next.calls).toBe(1);
  });

  it("never serves a page cached for one Host to a request for another", async () => {
    const next = page(() => "p");
    const { contentStamp } = versioned();
    const origin = await serve(new HttpCache({ contentStamp }), next);
    const port = new URL(origin).port;
    const get = (host: string) => new Promise<void>((resolve, reject) => {
      import("node:http").then(({ request }) => {
        const r = request({ host: "127.0.0.1", port, path: "/linlan/feed.xml", headers: { host } }, (res) => { res.resume(); res.on("end", resolve); });
        r.on("error", reject);
        r.end();
      });
    });
    await get("evil.example");
    await get(`127.0.0.1:${port}`);
    expect(next.calls).toBe(2);
  });

  it("does not keep a page rendered while the cache was emptied, nor one Next marks STALE", async () => {
    const { state, contentStamp } = versioned();
    const cache = new HttpCache({ contentStamp });
    let stale = false;
    let started: () => void = () => {};
    const renderStarted = new Promise<void>((r) => (started = r));
    const slow: Next = (_req, res) => {
      started();
      res.setHeader("content-type", "text/html");
      if (stale) res.setHeader("x-nextjs-cache", "STALE");
      setTimeout(() => res.end("old"), 50);
    };
    const origin = await serve(cache, slow);
    const inFlight = fetch(`${origin}/a/2026-01-01`).then((r) => r.text());
    await renderStarted;
    state.version++;
    await (await fetch(`${origin}/b/2026-01-01`)).text(); // sees the new version, empties the cache
    expect(await inFlight).toBe("old");
    expect(cache.size).toBe(1); // only /b, rendered after the change
    stale = true;
    await (await fetch(`${origin}/c/2026-01-01`)).text();
    expect(cache.size).toBe(1);
  });

  it("leaves RSC requests, assets and API routes to Next untouched", async () => {
    const next = page(() => "p");
    const { contentStamp } = versioned();
    const origin = await serve(new HttpCache({ contentStamp }), next);
    const rsc = await fetch(`${origin}/x/2026-01-01`, { headers: { rsc: "1" } });
    await rsc.text();
    expect(rsc.headers.get("etag")).toBeNull();
    const api = await fetch(`${origin}/api/health`);
    await api.text();
    expect(api.headers.get("cache-control")).toBe("s-maxage=300, stale-while-revalidate=31535700");
  });

  it("answers HEAD from memory without a body", async () => {
    const next = page(() => "<html>页</html>");
    const { contentStamp } = versioned();
    const origin = await serve(new HttpCache({ contentStamp }), next);
    await (await fetch(`${origin}/x/2026-01-01`)).text();
    const head = await fetch(`${origin}/x/2026-01-01`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("x-response-cache")).toBe("hit");
    expect(await head.text()).toBe("");
    const cold = await fetch(`${origin}/y/2026-01-01`, { method: "HEAD" });
    expect(cold.headers.get("cache-control")).toBe(READER_CACHE_CONTROL);
  });

  it("is off without a way to see database writes", () => {
    expect(new HttpCache({}).responseCacheEnabled).toBe(false);
    expect(new HttpCache({ contentStamp: () => "s", responseCache: false }).responseCacheEnabled).toBe(false);
  });

  it("keeps gzip and brotli bytes made once per page, each with its own tag", async () => {
    const html = `<html>${"头版新闻。".repeat(400)}</html>`;
    const next = page(() => html);
    const { contentStamp } = versioned();
    const origin = await serve(new HttpCache({ contentStamp }), next);
    const raw = (enc: string) => new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      import("node:http").then(({ request }) => {
        const u = new URL(origin);
        const r = request({ host: u.hostname, port: u.port, path: "/x/2026-01-01", headers: { "accept-encoding": enc } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        });
        r.on("error", reject);
        r.end();
      });
    });
    const first = await raw("gzip, br");
    expect(first.headers["content-encoding"]).toBe("gzip"); // brotli is still being made
    expect(gunzipSync(first.body).toString()).toBe(html);
    await new Promise((r) => setTimeout(r, 300));
    const br = await raw("gzip, deflate, br");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["x-response-cache"]).toBe("hit");
    expect(brotliDecompressSync(br.body).toString()).toBe(html);
    const plain = await raw("identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(html);
    expect(new Set([first.headers.etag, br.headers.etag, plain.headers.etag]).size).toBe(3);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(next.calls).toBe(1);
  });

  it("answers a subscriber from the copy an anonymous reader made, privately, and never keeps a subscriber's render", async () => {
    const next = page(() => "<html>版面</html>");
    const { contentStamp } = versioned();
    const cache = new HttpCache({ contentStamp });
    const origin = await serve(cache, next);
    // Nothing kept yet: the subscriber's request is rendered, marked private, and not kept.
    const first = await fetch(`${origin}/y/2026-01-01`, { headers: { cookie: "banmian_reader=abc" } });
    await first.text();
    expect(first.headers.get("cache-control")).toBe(PRIVATE_CACHE_CONTROL);
    expect(cache.size).toBe(0);
    expect(next.calls).toBe(1);
    await (await fetch(`${origin}/x/2026-01-01`)).text(); // anonymous: kept
    expect(next.calls).toBe(2);
    const sub = await fetch(`${origin}/x/2026-01-01`, { headers: { cookie: "theme=a; banmian_reader=abc" } });
    expect(await sub.text()).toBe("<html>版面</html>");
    expect(sub.headers.get("x-response-cache")).toBe("hit");
    expect(sub.headers.get("cache-control")).toBe(PRIVATE_CACHE_CONTROL);
    expect(next.calls).toBe(2);
    const revalidated = await fetch(`${origin}/x/2026-01-01`, { headers: { cookie: "banmian_reader=abc", "if-none-match": sub.headers.get("etag")! } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("cache-control")).toBe(PRIVATE_CACHE_CONTROL);
    // The anonymous answer is still public.
    const anon = await fetch(`${origin}/x/2026-01-01`);
    await anon.text();
    expect(anon.headers.get("x-response-cache")).toBe("hit");
    expect(anon.headers.get("cache-control")).toBe(READER_CACHE_CONTROL);
    expect(cache.size).toBe(1);
  });

  it("serves nothing from memory while the stamp is unknown", async () => {
    const next = page(() => "p");
    let stamp: string | null = null;
    const origin = await serve(new HttpCache({ contentStamp: () => stamp }), next);
    for (let i = 0; i < 2; i++) await (await fetch(`${origin}/x/2026-01-01`)).text();
    expect(next.calls).toBe(2);
    stamp = "s1";
    for (let i = 0; i < 2; i++) await (await fetch(`${origin}/x/2026-01-01`)).text();
    expect(next.calls).toBe(3);
  });
});

describe("pickEncoding", () => {
  it("prefers brotli, honours q=0, and falls back to identity", () => {
    expect(pickEncoding("gzip, deflate, br")).toBe("br");
    expect(pickEncoding("gzip;q=1.0, br;q=0")).toBe("gzip");
    expect(pickEncoding("deflate")).toBe("identity");
    expect(pickEncoding(undefined)).toBe("identity");
  });
});

describe("HttpCache under a crowd", () => {
  it("renders a page once for many simultaneous readers, and once again past its TTL while serving the copy", async () => {
    let now = 0;
    const next = page(() => "<html>头版</html>");
    const { contentStamp } = versioned();
    const origin = await serve(new HttpCache({ contentStamp, now: () => now, ttlMs: 1000 }), next);
    const texts = await Promise.all(Array.from({ length: 20 }, () => fetch(`${origin}/x/2026-01-01`).then((r) => r.text())));
    expect(new Set(texts)).toEqual(new Set(["<html>头版</html>"]));
    expect(next.calls).toBe(1);
    now = 5000;
    const again = await Promise.all(Array.from({ length: 10 }, () => fetch(`${origin}/x/2026-01-01`).then((r) => r.status)));
    expect(again.every((s) => s === 200)).toBe(true);
    expect(next.calls).toBe(2);
  });

  it("lets every waiter render for itself when the first answer cannot be kept", async () => {
    const next = page(() => "x", (res) => { res.statusCode = 404; });
    const { contentStamp } = versioned();
    const origin = await serve(new HttpCache({ contentStamp }), next);
    const statuses = await Promise.all(Array.from({ length: 5 }, () => fetch(`${origin}/x/2026-01-01`).then((r) => r.status)));
    expect(statuses).toEqual([404, 404, 404, 404, 404]);
    expect(next.calls).toBe(5);
  });
});
