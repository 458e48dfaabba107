// HTTP caching in front of Next's request handler (scripts/serve.ts calls it):
//  - reader pages (GET/HEAD, 200, no cookie set) get a strong ETag computed from the bytes sent,
//    304 for a matching If-None-Match, and Cache-Control that a CDN may use (s-maxage plus
//    stale-while-revalidate; max-age=0 so browsers always revalidate with the ETag);
//  - the back office, sign-in and auth routes, and any response that sets a cookie, are
//    `private, no-store` whatever Next said;
//  - optionally an in-process response cache of reader pages, so a cached page costs a map
//    lookup instead of Next's render pipeline.
//
// The response cache is only correct if it never outlives what it copied. It is emptied when
//  (1) SQLite's `data_version` changes: any commit to the database file by any other connection,
//      whether this process's app, the CLI, a scheduler or another server instance; checked
//      on every request, it costs a microsecond;
//  (2) a non-GET request finishes successfully: server actions and POST /api/revalidate are what
//      call revalidatePath, and Next's own ISR cache only turns fresh after they ran;
//  (3) an entry is older than its TTL (60 s), as a backstop.
// A response that was being rendered while the cache was emptied is not stored (generations), and
// a response Next marks STALE is never stored.
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { resolve } from "node:path";

export const READER_CACHE_CONTROL = "public, s-maxage=60, stale-while-revalidate=600, max-age=0";
export const PRIVATE_CACHE_CONTROL = "private, no-store";

export type PathKind = "private" | "reader" | "other";

const PRIVATE_PREFIXES = ["/admin", "/api/admin", "/signin", "/signout", "/api/auth", "/api/signin", "/account"];
// Served with their own headers: build assets (immutable), image variants, uploads, API routes.
const OTHER_PREFIXES = ["/_next", "/api", "/img", "/media", "/demo"];
const OTHER_FILES = new Set(["/favicon.ico", "/robots.txt", "/sitemap.xml"]);

function hasPrefix(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(prefix + "/") || pathname.startsWith(prefix + "?");
}

/** Which caching policy a path gets. Private wins over everything. */
export function classifyPath(pathname: string): PathKind {
  const p = pathname.toLowerCase();
  if (PRIVATE_PREFIXES.some((prefix) => hasPrefix(p, prefix))) return "private";
  if (OTHER_FILES.has(p) || OTHER_PREFIXES.some((prefix) => hasPrefix(p, prefix))) return "other";
  return "reader";
}

/** A strong validator: the same bytes (including their Content-Encoding) give the same tag. */
export function computeEtag(body: Buffer): string {
  return `"${createHash("sha1").update(body).digest("base64url")}-${body.length.toString(36)}"`;
}

/** RFC 9110 §13.1.2: If-None-Match uses weak comparison; `*` matches any current representation. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = (t: string) => t.trim().replace(/^W\//, "");
  const mine = opaque(etag);
  return ifNoneMatch.split(",").some((t) => opaque(t) === mine);
}

/** Requests whose answer is not the page's HTML (RSC payloads for client navigation, actions). */
export function isVariantRequest(req: IncomingMessage, url: string): boolean {
  const h = req.headers;
  return (
    h["rsc"] !== undefined || h["next-action"] !== undefined || h["next-router-prefetch"] !== undefined ||
    h["next-router-state-tree"] !== undefined || h["next-router-segment-prefetch"] !== undefined ||
    h["range"] !== undefined || h["authorization"] !== undefined || url.includes("_rsc=")
  );
}

type Entry = {
  headers: OutgoingHttpHeaders;
  body: Buffer;
  etag: string;
  storedAt: number;
};

export type ContentVersion = () => number | bigint | null;

export type HttpCacheOptions = {
  /** Keep reader pages in memory (default true). */
  responseCache?: boolean;
  /** Reports a number that changes whenever the content may have changed (SQLite data_version). */
  contentVersion?: ContentVersion;
  maxBytes?: number;
  ttlMs?: number;
  maxEntryBytes?: number;
  now?: () => number;
};

export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

const HOP_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

export class HttpCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;
  private generation = 0;
  private lastVersion: number | bigint | null = null;
  readonly stats = { hits: 0, misses: 0, stored: 0, clears: 0, notModified: 0 };
  private readonly enabled: boolean;
  private readonly maxBytes: number;
  private readonly ttlMs: number;
  private readonly maxEntryBytes: number;
  private readonly now: () => number;

  constructor(private readonly opts: HttpCacheOptions = {}) {
    // Without a way to see database writes, a response cache could serve a withdrawn issue.
    this.enabled = (opts.responseCache ?? true) && !!opts.contentVersion;
    this.maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
    this.ttlMs = opts.ttlMs ?? 60_000;
    this.maxEntryBytes = opts.maxEntryBytes ?? 2 * 1024 * 1024;
    this.now = opts.now ?? Date.now;
  }

  get responseCacheEnabled(): boolean {
    return this.enabled;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
    this.generation++;
    this.stats.clears++;
  }

  /** Empties the cache if the database changed since the last look. */
  private checkVersion(): void {
    let version: number | bigint | null;
    try {
      version = this.opts.contentVersion!();
    } catch {
      version = null;
    }
    // Unknown version: treat every request as after a change. Even an empty cache moves to a
    // new generation, so that a page rendered from the old data is not stored when it finishes.
    if (version === null || version !== this.lastVersion) {
      this.clear();
      this.lastVersion = version;
    }
  }

  /** Handles one request, calling `next` (Next's handler) unless it can answer from the cache. */
  handle(req: IncomingMessage, res: ServerResponse, next: Handler): unknown {
    const url = req.url ?? "/";
    const pathname = url.split("?")[0];
    const method = req.method ?? "GET";
    const kind = classifyPath(pathname);

    if (method !== "GET" && method !== "HEAD") {
      // Server actions (all in the back office) and /api/revalidate invalidate Next's cache; ours
      // follows once they succeed. Other writes cannot change what readers see, and letting any
      // anonymous POST empty the cache would let anyone switch it off.
      if (this.enabled && (kind === "private" || pathname === "/api/revalidate")) {
        res.once("finish", () => {
          if (res.statusCode >= 200 && res.statusCode < 300) this.clear();
        });
      }
      if (kind === "private") forceHeaderOnWrite(res, PRIVATE_CACHE_CONTROL);
      return next(req, res);
    }
    if (kind === "private") {
      forceHeaderOnWrite(res, PRIVATE_CACHE_CONTROL);
      return next(req, res);
    }
    if (kind === "other" || isVariantRequest(req, url)) return next(req, res);

    // The Host is part of the key: a page that prints absolute URLs (the feed) built from one
    // client's Host header must never be served to another.
    const key = `${req.headers.host ?? ""}\n${url}\n${(req.headers["accept-encoding"] ?? "").toString().toLowerCase()}`;
    if (this.enabled) {
      this.checkVersion();
      const hit = this.entries.get(key);
      if (hit && this.now() - hit.storedAt < this.ttlMs) {
        this.stats.hits++;
        // Most recently used last, for eviction.
        this.entries.delete(key);
        this.entries.set(key, hit);
        return this.sendEntry(req, res, hit, method);
      }
      if (hit) this.evict(key);
      this.stats.misses++;
    }
    const generation = this.generation;
    const hadCookie = req.headers.cookie !== undefined;
    bufferResponse(res, (status, body) => {
      const setsCookie = res.getHeader("set-cookie") !== undefined;
      const nextSaid = String(res.getHeader("cache-control") ?? "");
      // A page Next renders per request (not ISR) may depend on the visitor's cookies.
      const personal = hadCookie && /private|no-store/.test(nextSaid);
      if (status !== 200 || setsCookie || personal) {
        if (setsCookie) res.setHeader("cache-control", PRIVATE_CACHE_CONTROL);
        return { status, body };
      }
      res.setHeader("cache-control", READER_CACHE_CONTROL);
      // Next answers HEAD without a body: no bytes to tag, and Next's own tag would not match
      // the one GET gets from us.
      if (body.length === 0) {
        res.removeHeader("etag");
        return { status, body };
      }
      const etag = computeEtag(body);
      res.setHeader("etag", etag);
      res.setHeader("content-length", body.length);
      res.removeHeader("transfer-encoding");
      const stale = String(res.getHeader("x-nextjs-cache") ?? "").toUpperCase() === "STALE";
      if (this.enabled && method === "GET" && !stale && generation === this.generation && body.length <= this.maxEntryBytes) {
        this.store(key, { headers: snapshotHeaders(res), body, etag, storedAt: this.now() });
      }
      if (etagMatches(req.headers["if-none-match"], etag)) {
        this.stats.notModified++;
        res.removeHeader("content-length");
        return { status: 304, body: Buffer.alloc(0) };
      }
      return { status, body: method === "HEAD" ? Buffer.alloc(0) : body };
    });
    return next(req, res);
  }

  private sendEntry(req: IncomingMessage, res: ServerResponse, entry: Entry, method: string) {
    if (etagMatches(req.headers["if-none-match"], entry.etag)) {
      this.stats.notModified++;
      const { "content-length": _length, ...headers } = entry.headers;
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, entry.headers);
    if (method === "HEAD") res.end();
    else res.end(entry.body);
  }

  private store(key: string, entry: Entry) {
    this.evict(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    this.stats.stored++;
    while (this.bytes > this.maxBytes && this.entries.size > 0) {
      this.evict(this.entries.keys().next().value as string);
    }
  }

  private evict(key: string) {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.body.length;
  }
}

function snapshotHeaders(res: ServerResponse): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (!HOP_HEADERS.has(name) && value !== undefined) out[name] = value;
  }
  out["x-response-cache"] = "hit";
  return out;
}

/** Sets a header just before the head is written, over whatever the handler set. */
export function forceHeaderOnWrite(res: ServerResponse, value: string, name = "cache-control") {
  const writeHead = res.writeHead;
  // Node's implicit head (first write without writeHead) also goes through res.writeHead.
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    const headers = rest[rest.length - 1];
    if (headers && typeof headers === "object") {
      applyHeaders(this, headers);
      rest = rest.slice(0, -1);
    }
    this.setHeader(name, value);
    return (writeHead as (...a: unknown[]) => ServerResponse).call(this, status, ...rest);
  } as ServerResponse["writeHead"];
}

function applyHeaders(res: ServerResponse, headers: object) {
  if (Array.isArray(headers)) {
    // [name, value, name, value …] or [[name, value] …]
    if (headers.length && Array.isArray(headers[0])) for (const [n, v] of headers as [string, string][]) res.setHeader(n, v);
    else for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1]);
    return;
  }
  for (const [n, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(n, v as string);
}

type Finish = (status: number, body: Buffer) => { status: number; body: Buffer };

/**
 * Holds a response's head and body until the handler ends it, then lets `finish` look at the
 * whole body (to tag it) and change the head, and only then writes it out.
 */
export function bufferResponse(res: ServerResponse, finish: Finish) {
  const native = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const chunks: Buffer[] = [];
  let status: number | null = null;
  let done = false;
  const toBuffer = (chunk: unknown, encoding?: unknown): Buffer | null => {
    if (chunk === undefined || chunk === null) return null;
    if (Buffer.isBuffer(chunk)) return chunk;
    if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    return Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  };
  const callbackOf = (args: unknown[]) => args.find((a) => typeof a === "function") as (() => void) | undefined;

  res.writeHead = function (this: ServerResponse, code: number, ...rest: unknown[]) {
    status = code;
    const headers = rest[rest.length - 1];
    if (headers && typeof headers === "object") applyHeaders(this, headers);
    return this;
  } as ServerResponse["writeHead"];
  res.flushHeaders = () => {};
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    if (done) return false;
    const b = toBuffer(chunk, rest[0]);
    if (b) chunks.push(b);
    const cb = callbackOf(rest);
    if (cb) process.nextTick(cb);
    return true;
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    if (done) return this;
    done = true;
    const first = args[0];
    if (typeof first !== "function") {
      const b = toBuffer(first, args[1]);
      if (b) chunks.push(b);
    }
    const cb = callbackOf(args);
    Object.assign(res, native);
    let out: { status: number; body: Buffer };
    try {
      out = finish(status ?? res.statusCode, Buffer.concat(chunks));
    } catch (e) {
      console.error("http-cache: could not finish a response", e);
      out = { status: status ?? res.statusCode, body: Buffer.concat(chunks) };
    }
    res.statusCode = out.status;
    if (out.body.length > 0 || out.status === 304 || res.req?.method === "HEAD") {
      return res.end(out.body.length ? out.body : undefined, cb);
    }
    return res.end(cb);
  } as ServerResponse["end"];
}

/**
 * SQLite's data_version seen from a read-only connection of our own: it changes whenever any
 * other connection (this process's app, the CLI, another instance) commits to the file.
 */
export function sqliteContentVersion(path: string): ContentVersion {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const stmt = db.prepare("pragma data_version").pluck();
  return () => stmt.get() as number;
}

/** The server's cache, as the environment asks: EPAPER_RESPONSE_CACHE=0 turns the in-memory copy off. */
export function createHttpCacheFromEnv(env: NodeJS.ProcessEnv = process.env): HttpCache {
  const wanted = env.EPAPER_RESPONSE_CACHE !== "0";
  let contentVersion: ContentVersion | undefined;
  if (wanted) {
    try {
      contentVersion = sqliteContentVersion(resolve(env.DATABASE_PATH || "./data/epaper.db"));
    } catch (e) {
      console.warn("http-cache: no database to watch, so no response cache:", (e as Error).message);
    }
  }
  return new HttpCache({ responseCache: wanted, contentVersion });
}
