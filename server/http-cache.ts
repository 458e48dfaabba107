// HTTP caching in front of Next's request handler (scripts/serve.ts calls it):
//  - reader pages (GET/HEAD, 200, no cookie set) get a strong ETag computed from the bytes sent,
//    304 for a matching If-None-Match, and Cache-Control that a CDN may use (s-maxage plus
//    stale-while-revalidate; max-age=0 so browsers always revalidate with the ETag);
//  - the back office, sign-in and auth routes, any response that sets a cookie, and any request
//    carrying a subscriber's `banmian_reader` cookie are `private, no-store` whatever Next said.
//    A subscriber's request may be answered from the copy below (reader pages never read cookies
//    or the session: scripts/layers.mjs enforces it, so the copy is what every visitor gets, and
//    a subscriber's full text comes from /api/reader, never stored), but never adds to it;
//  - an in-process copy of reader pages, so a cached page costs a lookup and a write.
//
// The copy is only correct if it never outlives what it copied. Each entry carries the content
// stamp (server/content-watch.ts) read before its page was rendered, and is served only while the
// database's stamp is still that value; a change empties the copy. An entry also ages out after
// TTL (60 s) as a backstop for pages that depend on the clock.
//
// The hot path does no per-request work that can be done once: each entry holds its identity,
// gzip and brotli bytes with their ETags and their response heads, made when it is stored
// (brotli in the background: until it is ready a brotli client gets gzip).
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { brotliCompress, constants as zlibConstants, gzipSync } from "node:zlib";
import { bufferResponse, forceHeaderOnWrite } from "./buffer-response";
import { etagMatches } from "./etag";

export { forceHeaderOnWrite };

export const READER_CACHE_CONTROL = "public, s-maxage=60, stale-while-revalidate=600, max-age=0";
export const PRIVATE_CACHE_CONTROL = "private, no-store";
/** A subscriber's session (see the access policy): its pages are the subscriber's alone. */
export const READER_COOKIE = "banmian_reader";

export type PathKind = "private" | "reader" | "other";

const PRIVATE_PREFIXES = ["/admin", "/api/admin", "/signin", "/signout", "/api/auth", "/api/signin", "/account", "/api/reader"];
// Served with their own headers: build assets (immutable), image variants, uploads, API routes.
const OTHER_PREFIXES = ["/_next", "/islands", "/api", "/img", "/media", "/demo"];
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

/** Requests whose answer is not the page's HTML (RSC payloads for client navigation, actions). */
export function isVariantRequest(h: IncomingHttpHeaders, url: string): boolean {
  return (
    h.rsc !== undefined || h["next-action"] !== undefined || h["next-router-prefetch"] !== undefined ||
    h["next-router-state-tree"] !== undefined || h["next-router-segment-prefetch"] !== undefined ||
    h.range !== undefined || h.authorization !== undefined || url.includes("_rsc=")
  );
}

/** True when the request carries the subscriber cookie (a name match; a look-alike errs private). */
export function carriesReaderCookie(h: IncomingHttpHeaders): boolean {
  const cookie = h.cookie;
  return cookie?.includes(READER_COOKIE + "=") ?? false;
}

export type Encoding = "br" | "gzip" | "identity";

/** The best encoding a client accepts (q=0 refuses). */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return "identity";
  let br = false;
  let gzip = false;
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    if (name === "br") br = true;
    else if (name === "gzip" || name === "x-gzip") gzip = true;
  }
  return br ? "br" : gzip ? "gzip" : "identity";
}

/** One encoding of a page: its bytes, tag, and the heads for 200 and 304, ready to write. */
type Variant = { body: Buffer; etag: string; head: string[]; head304: string[] };

type Entry = {
  stamp: string;
  storedAt: number;
  /** Insertion order, for a second-chance eviction that costs nothing on most hits. */
  seq: number;
  base: [string, string | string[]][];
  identity: Variant;
  gzip: Variant | null;
  br: Variant | null;
  bytes: number;
  /** Past its TTL and being rendered again by one request; the others are served this copy. */
  refreshing: boolean;
};

/** Requests for a page that one request is already rendering: they wait for its copy. */
type Flight = { stamp: string; waiters: { req: IncomingMessage; res: ServerResponse; next: Handler }[] };

export type ContentStamp = () => string | null;

export type HttpCacheOptions = {
  /** Keep reader pages in memory (default true). */
  responseCache?: boolean;
  /** The database's content stamp now (ContentWatch.stamp); null when unknown. */
  contentStamp?: ContentStamp;
  /** Called when a write request finished: the next stamp() should look at once. */
  afterWrite?: () => void;
  maxBytes?: number;
  ttlMs?: number;
  maxEntryBytes?: number;
  now?: () => number;
};

export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

const DROPPED_HEADERS = new Set([
  "date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "etag", "x-response-cache",
]);
const MIN_COMPRESS_BYTES = 1024;
const ENCODING_MEMO_MAX = 64;

export class HttpCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;
  private seq = 0;
  private lastStamp: string | null = null;
  private encodings = new Map<string, Encoding>();
  private flights = new Map<string, Flight>();
  readonly stats = { hits: 0, misses: 0, stored: 0, clears: 0, notModified: 0 };
  private readonly enabled: boolean;
  private readonly maxBytes: number;
  private readonly ttlMs: number;
  private readonly maxEntryBytes: number;
  private readonly now: () => number;

  constructor(private readonly opts: HttpCacheOptions = {}) {
    // Without a way to see database writes, a response cache could serve a withdrawn issue.
    this.enabled = (opts.responseCache ?? true) && !!opts.contentStamp;
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
    this.stats.clears++;
  }

  /** The stamp now; a change since the last look empties the copy. */
  private stampNow(): string | null {
    let stamp: string | null;
    try {
      stamp = this.opts.contentStamp!();
    } catch {
      stamp = null;
    }
    if (stamp !== this.lastStamp || stamp === null) {
      if (this.entries.size > 0) this.clear();
      this.lastStamp = stamp;
    }
    return stamp;
  }

  private encodingOf(acceptEncoding: string | undefined): Encoding {
    if (acceptEncoding === undefined) return "identity";
    let e = this.encodings.get(acceptEncoding);
    if (e === undefined) {
      e = pickEncoding(acceptEncoding);
      if (this.encodings.size >= ENCODING_MEMO_MAX) this.encodings.clear();
      this.encodings.set(acceptEncoding, e);
    }
    return e;
  }

  /**
   * Answers a request from the copy when it can: the whole hot path. Returns false when the
   * request must go on to `handle`.
   */
  serveFromMemory(req: IncomingMessage, res: ServerResponse): boolean {
    if (!this.enabled) return false;
    const method = req.method;
    if (method !== "GET" && method !== "HEAD") return false;
    const h = req.headers;
    const url = req.url ?? "/";
    if (isVariantRequest(h, url)) return false;
    const entry = this.entries.get(`${h.host ?? ""}\n${url}`);
    if (entry === undefined) return false;
    if (entry.stamp !== this.stampNow()) return false;
    if (this.now() - entry.storedAt >= this.ttlMs) {
      // Same content, only older than the TTL (a backstop for pages that depend on the clock):
      // one request renders it again while the rest are still answered from the copy.
      if (!entry.refreshing) {
        entry.refreshing = true;
        res.once("close", () => (entry.refreshing = false));
        return false;
      }
    }
    this.stats.hits++;
    // Second chance: an entry in the older half moves to the young end when it is used.
    if (entry.seq < this.seq - (this.entries.size >> 1)) {
      this.entries.delete(`${h.host ?? ""}\n${url}`);
      entry.seq = ++this.seq;
      this.entries.set(`${h.host ?? ""}\n${url}`, entry);
    }
    const enc = this.encodingOf(h["accept-encoding"]);
    const v = (enc === "br" ? (entry.br ?? entry.gzip) : enc === "gzip" ? entry.gzip : null) ?? entry.identity;
    // The same bytes, but a subscriber's answer is theirs alone: no shared cache may keep it.
    const personal = carriesReaderCookie(h);
    const inm = h["if-none-match"];
    if (inm !== undefined && etagMatches(inm, v.etag)) {
      this.stats.notModified++;
      res.writeHead(304, personal ? privately(v.head304) : v.head304);
      res.end();
    } else {
      res.writeHead(200, personal ? privately(v.head) : v.head);
      if (method === "HEAD") res.end();
      else res.end(v.body);
    }
    return true;
  }

  /** Handles one request, calling `next` (Next's handler) unless it can answer from the copy. */
  handle(req: IncomingMessage, res: ServerResponse, next: Handler): unknown {
    if (this.serveFromMemory(req, res)) return;
    return this.handleMiss(req, res, next);
  }

  /**
   * `handle` for a request serveFromMemory already declined. `alone`: do not wait for another
   * request rendering the same page (that one's answer could not be kept).
   */
  handleMiss(req: IncomingMessage, res: ServerResponse, next: Handler, alone = false): unknown {
    const url = req.url ?? "/";
    const pathname = url.split("?")[0];
    const method = req.method ?? "GET";
    const kind = classifyPath(pathname);

    if (method !== "GET" && method !== "HEAD") {
      // A write in this process (a server action) is seen by the next request, not CHECK_MS later.
      if (this.opts.afterWrite) res.once("finish", this.opts.afterWrite);
      if (kind === "private") forceHeaderOnWrite(res, PRIVATE_CACHE_CONTROL);
      return next(req, res);
    }
    if (kind === "private") {
      forceHeaderOnWrite(res, PRIVATE_CACHE_CONTROL);
      return next(req, res);
    }
    if (kind === "other" || isVariantRequest(req.headers, url)) return next(req, res);

    const readerCookie = carriesReaderCookie(req.headers);
    const key = `${req.headers.host ?? ""}\n${url}`;
    // Read before rendering: the page can only be newer than the stamp it is kept under.
    const stamp = this.enabled && !readerCookie ? this.stampNow() : null;
    if (this.enabled) this.stats.misses++;
    const hadCookie = req.headers.cookie !== undefined;
    // One render per page and content stamp: right after a publish every reader of the front
    // page arrives at once, and all but the first wait for its copy instead of rendering it too.
    let flight: Flight | null = null;
    if (stamp !== null && !hadCookie && method === "GET" && !alone) {
      const running = this.flights.get(key);
      if (running && running.stamp === stamp) {
        running.waiters.push({ req, res, next });
        return;
      }
      flight = { stamp, waiters: [] };
      this.flights.set(key, flight);
      const land = () => {
        if (this.flights.get(key) !== flight) return;
        this.flights.delete(key);
        // After the leader's answer was kept (or not): the waiters are served from it, or render.
        setImmediate(() => {
          for (const w of flight!.waiters) if (!this.serveFromMemory(w.req, w.res)) this.handleMiss(w.req, w.res, w.next, true);
        });
      };
      res.once("close", land);
      res.once("finish", land);
    }
    const encoding = this.encodingOf(req.headers["accept-encoding"]);
    // Next sends plain bytes; compression happens here, once per kept page.
    delete req.headers["accept-encoding"];
    bufferResponse(res, (status, body) => {
      const setsCookie = res.getHeader("set-cookie") !== undefined;
      const nextSaid = String(res.getHeader("cache-control") ?? "");
      // A page Next renders per request may depend on the visitor's cookies.
      const personal = readerCookie || setsCookie || (hadCookie && /private|no-store/.test(nextSaid));
      if (readerCookie || setsCookie) res.setHeader("cache-control", PRIVATE_CACHE_CONTROL);
      const alreadyEncoded = res.getHeader("content-encoding") !== undefined;
      if (status === 200 && !personal) res.setHeader("cache-control", READER_CACHE_CONTROL);
      if (status !== 200 || body.length === 0 || alreadyEncoded || readerCookie || setsCookie) {
        // Next answers HEAD without a body: no bytes to tag.
        res.removeHeader("etag");
        if (body.length >= MIN_COMPRESS_BYTES && encoding !== "identity" && !alreadyEncoded && method === "GET") {
          const out = sendVariant(res, status, makeGzip(body, []), method);
          res.removeHeader("etag");
          return out;
        }
        return { status, body };
      }
      const entry = makeEntry(res, body, stamp ?? "", this.now(), ++this.seq);
      const stale = String(res.getHeader("x-nextjs-cache") ?? "").toUpperCase() === "STALE";
      const keep = this.enabled && !personal && stamp !== null && method === "GET" && !stale &&
        body.length <= this.maxEntryBytes && stamp === this.stampNow();
      if (keep) {
        this.store(key, entry);
        this.compressBrotliLater(key, entry);
      }
      const v = encoding === "identity" ? entry.identity : (entry.gzip ?? entry.identity);
      if (etagMatches(req.headers["if-none-match"], v.etag)) {
        this.stats.notModified++;
        resetHead(res, v.head304);
        return { status: 304, body: Buffer.alloc(0) };
      }
      return sendVariant(res, status, v, method);
    });
    return next(req, res);
  }

  private compressBrotliLater(key: string, entry: Entry) {
    const params = {
      [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
      [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: entry.identity.body.length,
    };
    // In libuv's thread pool: a page's best compression never holds up the event loop.
    brotliCompress(entry.identity.body, { params }, (err, out) => {
      if (err || this.entries.get(key) !== entry) return;
      entry.br = makeVariant(entry.base, out, "br");
      entry.bytes += out.length;
      this.bytes += out.length;
      this.trim();
    });
  }

  private store(key: string, entry: Entry) {
    this.evict(key);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    this.stats.stored++;
    this.trim();
  }

  private trim() {
    while (this.bytes > this.maxBytes && this.entries.size > 0) {
      this.evict(this.entries.keys().next().value as string);
    }
  }

  private evict(key: string) {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.bytes;
  }
}

/** The head Next set, minus what belongs to one encoding or one connection. */
function baseHeaders(res: ServerResponse): [string, string | string[]][] {
  const out: [string, string | string[]][] = [];
  let vary: string | null = null;
  for (const [name, value] of Object.entries(res.getHeaders() as OutgoingHttpHeaders)) {
    if (value === undefined || DROPPED_HEADERS.has(name)) continue;
    if (name === "vary") {
      vary = Array.isArray(value) ? value.join(", ") : String(value);
      continue;
    }
    out.push([name, Array.isArray(value) ? value.map(String) : String(value)]);
  }
  out.push(["vary", vary && /accept-encoding/i.test(vary) ? vary : vary ? `${vary}, Accept-Encoding` : "Accept-Encoding"]);
  return out;
}

function makeVariant(base: [string, string | string[]][], body: Buffer, encoding: Encoding): Variant {
  const etag = computeEtag(body);
  const head304: string[] = [];
  for (const [n, v] of base) {
    if (Array.isArray(v)) for (const one of v) head304.push(n, one);
    else head304.push(n, v);
  }
  head304.push("etag", etag);
  const head = [...head304, "content-length", String(body.length), "x-response-cache", "hit"];
  if (encoding !== "identity") head.push("content-encoding", encoding);
  return { body, etag, head, head304 };
}

/** A stored head with its Cache-Control made private (a subscriber's hit). */
function privately(head: string[]): string[] {
  const out = head.slice();
  for (let i = 0; i < out.length; i += 2) if (out[i] === "cache-control") out[i + 1] = PRIVATE_CACHE_CONTROL;
  return out;
}

function makeGzip(body: Buffer, base: [string, string | string[]][]): Variant {
  return makeVariant(base, gzipSync(body, { level: 9 }), "gzip");
}

function makeEntry(res: ServerResponse, body: Buffer, stamp: string, now: number, seq: number): Entry {
  const base = baseHeaders(res);
  const identity = makeVariant(base, body, "identity");
  const gzip = body.length >= MIN_COMPRESS_BYTES ? makeGzip(body, base) : null;
  return { stamp, storedAt: now, seq, base, identity, gzip, br: null, bytes: body.length + (gzip?.body.length ?? 0), refreshing: false };
}

/** Puts a variant's head on a response Next built (the miss path), leaving out the hit marker. */
function sendVariant(res: ServerResponse, status: number, v: Variant, method: string) {
  const encoded = v.head.indexOf("content-encoding");
  if (encoded >= 0) res.setHeader("content-encoding", v.head[encoded + 1]);
  const vary = String(res.getHeader("vary") ?? "");
  if (!/accept-encoding/i.test(vary)) res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  res.setHeader("etag", v.etag);
  res.setHeader("content-length", v.body.length);
  res.removeHeader("transfer-encoding");
  return { status, body: method === "HEAD" ? Buffer.alloc(0) : v.body };
}

function resetHead(res: ServerResponse, head304: string[]) {
  res.removeHeader("content-length");
  res.removeHeader("content-encoding");
  for (let i = 0; i < head304.length; i += 2) if (head304[i] === "etag" || head304[i] === "vary") res.setHeader(head304[i], head304[i + 1]);
}
