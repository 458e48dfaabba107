import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pickEncoding } from "./http-cache";
import { StaticBrotli } from "./static-brotli";

const dir = mkdtempSync(join(tmpdir(), "banmian-static-"));
const js = `console.log(${JSON.stringify("版面".repeat(2000))});`;
let server: Server;
let base = "";
const assets = new StaticBrotli({ "/_next/static/": join(dir, "static"), "/islands/": join(dir, "islands") });

beforeAll(async () => {
  mkdirSync(join(dir, "static", "chunks"), { recursive: true });
  writeFileSync(join(dir, "static", "chunks", "a1b2.js"), js);
  writeFileSync(join(dir, "secret.js"), "secret");
  mkdirSync(join(dir, "islands"));
  writeFileSync(join(dir, "islands", "reader-AB12.js"), js);
  writeFileSync(join(dir, "islands", "manifest.json"), "{}");
  writeFileSync(join(dir, "islands", "c-BIG1.js"), `// ${"字".repeat(60_000)}`);
  // What Next would answer: the file uncompressed, marked so the test can tell who answered.
  server = createServer((req, res) => {
    if (assets.serve(req, res)) return;
    res.writeHead(200, { "x-answered-by": "next" }).end("from next");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

type Answer = { status: number; headers: { get: (name: string) => string | null }; arrayBuffer: () => Promise<Buffer> };

/** A raw request (fetch would decode the body): status, headers and the bytes as sent. */
const get = (path: string, headers: Record<string, string> = { "accept-encoding": "gzip, br" }, method = "GET") =>
  new Promise<Answer>((resolve, reject) => {
    const req = request(base + path, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({
        status: res.statusCode ?? 0,
        headers: { get: (n) => { const v = res.headers[n.toLowerCase()]; return v === undefined ? null : String(v); } },
        arrayBuffer: async () => Buffer.concat(chunks),
      }));
    });
    req.on("error", reject);
    req.end();
  });

describe("build assets in brotli", () => {
  it("answers from Next first, then in brotli once compressed, with a working ETag", async () => {
    const first = await get("/_next/static/chunks/a1b2.js");
    expect(first.headers.get("x-answered-by")).toBe("next");
    await first.arrayBuffer();
    await assets.settled();
    const second = await get("/_next/static/chunks/a1b2.js");
    expect(second.headers.get("content-encoding")).toBe("br");
    expect(second.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(second.headers.get("content-type")).toMatch(/^application\/javascript/);
    expect(second.headers.get("vary")).toBe("Accept-Encoding");
    const body = Buffer.from(await second.arrayBuffer());
    expect(body.length).toBeLessThan(Buffer.byteLength(js) / 10);
    expect(brotliDecompressSync(body).toString()).toBe(js);
    const etag = second.headers.get("etag") ?? "";
    const again = await get("/_next/static/chunks/a1b2.js", { "accept-encoding": "br", "if-none-match": etag });
    expect(again.status).toBe(304);
    const head = await get("/_next/static/chunks/a1b2.js", { "accept-encoding": "br" }, "HEAD");
    expect(head.headers.get("content-length")).toBe(String(body.length));
  });

  it("leaves to Next what a client cannot take, ranges, and anything outside the static folder", async () => {
    await get("/_next/static/chunks/a1b2.js");
    await assets.settled();
    for (const [path, headers] of [
      ["/_next/static/chunks/a1b2.js", { "accept-encoding": "gzip" }],
      ["/_next/static/chunks/a1b2.js", { "accept-encoding": "br;q=0, gzip" }],
      ["/_next/static/chunks/a1b2.js", { "accept-encoding": "br", range: "bytes=0-10" }],
      ["/_next/static/../secret.js", { "accept-encoding": "br" }],
      ["/_next/static/%2e%2e/secret.js", { "accept-encoding": "br" }],
      ["/_next/static/chunks/a1b2.js?x=1", { "accept-encoding": "br" }],
      ["/_next/static/chunks/missing.js", { "accept-encoding": "br" }],
    ] as const) {
      const r = await get(path, headers);
      expect(r.headers.get("x-answered-by"), path).toBe("next");
      await r.arrayBuffer();
    }
    await assets.settled();
    // A missing file stays missing: nothing was stored for it, so Next still answers.
    const r = await get("/_next/static/chunks/missing.js", { "accept-encoding": "br" });
    expect(r.headers.get("x-answered-by")).toBe("next");
  });

  it("serves a second folder under its own prefix, compressed before its first request when warmed", async () => {
    await assets.warm("/islands/");
    const r = await get("/islands/reader-AB12.js", { "accept-encoding": "br" });
    expect(r.headers.get("content-encoding")).toBe("br");
    expect(brotliDecompressSync(Buffer.from(await r.arrayBuffer())).toString()).toBe(js);
    // A large file waits for its first request (answered by Next), then is kept in brotli too.
    const big = await get("/islands/c-BIG1.js", { "accept-encoding": "br" });
    expect(big.headers.get("x-answered-by")).toBe("next");
    await big.arrayBuffer();
    // Only scripts and styles: the manifest, and a path that climbs out, are Next's to answer.
    for (const path of ["/islands/manifest.json", "/islands/../secret.js"]) {
      const other = await get(path, { "accept-encoding": "br" });
      expect(other.headers.get("x-answered-by"), path).toBe("next");
      await other.arrayBuffer();
    }
  });

  it("reads Accept-Encoding as browsers send it", () => {
    const acceptsBrotli = (h: string | undefined) => pickEncoding(h) === "br";
    expect(acceptsBrotli("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsBrotli("br;q=0.5")).toBe(true);
    expect(acceptsBrotli("br;q=0")).toBe(false);
    expect(acceptsBrotli("gzip")).toBe(false);
    expect(acceptsBrotli(undefined)).toBe(false);
  });
});
