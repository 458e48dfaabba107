// Build assets (/_next/static/…: the reader's CSS and the back office's JavaScript; /islands/…:
// the reader's own scripts, see scripts/islands.mjs) in brotli for browsers that
// take it. Next compresses them with gzip on every request; brotli at its highest quality is
// about 15% smaller (the back office's first-load JavaScript: 146 KB gzip, 126 KB brotli),
// which a phone on a weak connection feels. The names carry a content hash and never change meaning,
// so each file is compressed once, on its first request (that request and any before the
// brotli bytes are ready get Next's gzip), and kept: a build's JS and CSS is about 2 MB, its
// brotli about a quarter of that.
import type { IncomingMessage, ServerResponse } from "node:http";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants } from "node:zlib";
import { computeEtag, pickEncoding } from "./http-cache";
import { etagMatches } from "./etag";

const compress = promisify(brotliCompress);
// Hashed chunk names only: no "..", no query, nothing but JavaScript and CSS.
const ASSET = /^(?:[A-Za-z0-9_~-]+\/)*[A-Za-z0-9_~.-]+\.(js|css)$/;
const TYPES: Record<string, string> = { js: "application/javascript; charset=UTF-8", css: "text/css; charset=UTF-8" };
const IMMUTABLE = "public, max-age=31536000, immutable";
/** More than any build has (about 60 files): a bound, not a working size. */
const MAX_FILES = 400;
const MAX_BYTES = 16 * 1024 * 1024;
const WARM_MAX_BYTES = 128 * 1024;

type Compressed = { body: Buffer; etag: string; type: string };

export class StaticBrotli {
  private ready = new Map<string, Compressed>();
  private pending = new Set<string>();
  private bytes = 0;

  /** `roots`: URL prefix → the folder it serves, e.g. "/_next/static/" → the build's .next/static. */
  constructor(private roots: Record<string, string>) {}

  /** Answers a request for a build asset in brotli when it can; false leaves it to Next. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const url = req.url ?? "";
    const prefix = Object.keys(this.roots).find((p) => url.startsWith(p));
    if (!prefix) return false;
    const m = ASSET.exec(url.slice(prefix.length));
    if (!m || pickEncoding(req.headers["accept-encoding"]) !== "br" || req.headers.range) return false;
    const hit = this.ready.get(url);
    if (!hit) {
      this.prepare(url, join(/*turbopackIgnore: true*/ this.roots[prefix], url.slice(prefix.length)), m[1]);
      return false;
    }
    const head = { "cache-control": IMMUTABLE, "content-type": hit.type, vary: "Accept-Encoding", etag: hit.etag };
    if (etagMatches(req.headers["if-none-match"], hit.etag)) {
      res.writeHead(304, head).end();
      return true;
    }
    res.writeHead(200, { ...head, "content-encoding": "br", "content-length": hit.body.length, "x-content-type-options": "nosniff" });
    res.end(req.method === "HEAD" ? undefined : hit.body);
    return true;
  }

  /** Compresses one asset in the background; a missing file is left to Next's 404. */
  private prepare(url: string, file: string, ext: string) {
    if (this.pending.has(url) || this.ready.size + this.pending.size >= MAX_FILES) return;
    this.pending.add(url);
    readFile(file)
      .then((raw) => compress(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }))
      .then((body) => {
        if (this.bytes + body.length > MAX_BYTES) return;
        this.bytes += body.length;
        this.ready.set(url, { body, etag: computeEtag(body), type: TYPES[ext] });
      })
      .catch(() => { /* not there (Next answers 404) or unreadable: Next serves it as before */ })
      .finally(() => this.pending.delete(url));
  }

  /**
   * Compresses the small assets under `prefix` now, so even their first request gets brotli.
   * Large ones (the 简/繁 dictionary, 1 MB, asked for by few) wait for their first request:
   * brotli 11 on them costs seconds of a core, which a server that just started needs.
   */
  async warm(prefix: string) {
    const dir = this.roots[prefix];
    const entries = dir ? await readdir(dir, { withFileTypes: true }).catch(() => []) : [];
    for (const entry of entries) {
      const m = ASSET.exec(entry.name);
      const file = join(/*turbopackIgnore: true*/ dir, entry.name);
      // A file that vanished mid-rebuild is simply not warmed.
      const size = m && entry.isFile() ? await stat(file).then((s) => s.size, () => Infinity) : Infinity;
      if (m && size <= WARM_MAX_BYTES) this.prepare(prefix + entry.name, file, m[1]);
    }
    await this.settled();
  }

  /** Resolves when every compression started so far has finished (tests). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await new Promise((r) => setTimeout(r, 5));
  }
}
