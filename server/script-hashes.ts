// The production server's half of the CSP (see lib/security-headers.ts): the hashes of the inline
// scripts of each HTML response, computed from the finished body.
import { createHash } from "node:crypto";
import { brotliCompressSync, brotliDecompressSync, constants, deflateSync, gunzipSync, gzipSync, inflateSync } from "node:zlib";
import type { ServerResponse } from "node:http";
import { contentSecurityPolicy } from "../lib/security-headers";
import { withoutNextRuntime } from "./next-runtime";

/** sha256 hashes of every inline <script> (one without src) in an HTML document, as CSP sources. */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  const lower = html.toLowerCase();
  for (let at = lower.indexOf("<script"); at !== -1; at = lower.indexOf("<script", at + 7)) {
    const open = lower.indexOf(">", at);
    if (open === -1) break;
    const close = lower.indexOf("</script", open);
    if (close === -1) break;
    const attrs = lower.slice(at + 7, open);
    const body = html.slice(open + 1, close);
    if (!/\bsrc\s*=/.test(attrs) && body.length > 0) {
      out.push(`sha256-${createHash("sha256").update(body, "utf8").digest("base64")}`);
    }
    at = close;
  }
  return out;
}

/** Compressed again as Next had compressed it (private pages; kept pages arrive plain). */
function encode(body: Buffer, encoding: string): Buffer {
  if (/\bgzip\b/.test(encoding)) return gzipSync(body);
  if (/\bbr\b/.test(encoding)) return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  if (/\bdeflate\b/.test(encoding)) return deflateSync(body);
  return body;
}

// The response cache sends the same Buffer for every hit: its policy is worked out once.
const policyOfBody = new WeakMap<Buffer, string>();

/** The body as text, decompressed when Next compressed it (hashes are of the script text). */
function bodyText(body: Buffer, encoding: string): string {
  try {
    if (/\bgzip\b/.test(encoding)) return gunzipSync(body).toString("utf8");
    if (/\bbr\b/.test(encoding)) return brotliDecompressSync(body).toString("utf8");
    if (/\bdeflate\b/.test(encoding)) return inflateSync(body).toString("utf8");
  } catch {
    return "";
  }
  return body.toString("utf8");
}

/**
 * For the production server: when a response turns out to be HTML (its head says so), holds it
 * until it ends and sets a CSP allowing exactly the inline scripts it contains. Anything else
 * (scripts, images, PDFs, JSON) streams through untouched from its first byte. The overrides
 * stay in place and only forward: wrappers installed later (Next's compression) must keep theirs.
 * A page that runs on the reader's islands loses Next's client runtime here first
 * (server/next-runtime.ts), so the policy lists the scripts that are really sent.
 */
export function applyScriptHashes(res: ServerResponse) {
  const native = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  // null: not known yet; true: HTML, held; false: passing through.
  let html: boolean | null = null;
  let status = 200;
  const chunks: Buffer[] = [];
  const decide = () => {
    if (html !== null) return html;
    html = status !== 304 && /^text\/html/i.test(String(res.getHeader("content-type") ?? ""));
    // A 304 has no body to hash; a CSP on it would replace the one the browser stored with the page.
    if (status === 304) res.removeHeader("content-security-policy");
    return html;
  };
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    chunk == null || typeof chunk === "function" ? null
      : Buffer.isBuffer(chunk) ? chunk
      : chunk instanceof Uint8Array ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
      : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  res.writeHead = function (this: ServerResponse, code: number, ...rest: unknown[]) {
    if (html === false) return (native.writeHead as (...a: unknown[]) => ServerResponse).call(this, code, ...rest);
    status = code;
    const headers = rest[rest.length - 1];
    if (Array.isArray(headers) && Array.isArray(headers[0])) for (const [n, v] of headers as [string, string][]) this.setHeader(n, v);
    else if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) this.setHeader(String(headers[i]), headers[i + 1]);
    else if (headers && typeof headers === "object") for (const [n, v] of Object.entries(headers)) if (v !== undefined) this.setHeader(n, v as string);
    if (!decide()) return (native.writeHead as (...a: unknown[]) => ServerResponse).call(this, code);
    return this;
  } as ServerResponse["writeHead"];
  res.flushHeaders = function (this: ServerResponse) {
    if (html === false) native.flushHeaders.call(this);
  };
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    if (html === null) { status = res.statusCode; decide(); }
    if (html === false) return (native.write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    const b = toBuffer(chunk, rest[0]);
    if (b) chunks.push(b);
    const cb = rest.find((a) => typeof a === "function") as (() => void) | undefined;
    if (cb) process.nextTick(cb);
    return true;
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    if (html === null) { status = res.statusCode; decide(); }
    if (html === false) return (native.end as (...a: unknown[]) => ServerResponse).call(this, ...args);
    const b = toBuffer(args[0], args[1]);
    if (b) chunks.push(b);
    const cb = args.find((a) => typeof a === "function") as (() => void) | undefined;
    let body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    const encoding = String(res.getHeader("content-encoding") ?? "");
    let policy = policyOfBody.get(body);
    if (policy === undefined && body.length > 0) {
      // Decoded once: the runtime is dropped from the text, and the hashes are of what is left.
      const text = bodyText(body, encoding);
      const lean = withoutNextRuntime(text);
      if (lean !== text) body = encode(Buffer.from(lean, "utf8"), encoding);
      policy = contentSecurityPolicy(inlineScriptHashes(lean));
      policyOfBody.set(body, policy);
    }
    // A HEAD has no body to hash: it carries no CSP rather than a wrong one.
    if (policy === undefined) res.removeHeader("content-security-policy");
    else res.setHeader("content-security-policy", policy);
    if (res.getHeader("content-length") !== undefined) res.setHeader("content-length", body.length);
    res.statusCode = status;
    // From here on everything passes through: Node's implicit head calls writeHead again.
    html = false;
    return (native.end as (...a: unknown[]) => ServerResponse).call(this, ...(body.length ? [body] : []), ...(cb ? [cb] : []));
  } as ServerResponse["end"];
}
