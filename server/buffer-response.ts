// Two ways to change what Next's handler answers without touching Next: hold the whole response
// until it ends (to tag, compress or keep it), or change its head at the moment it is written.
import type { ServerResponse } from "node:http";

/** Sets a header just before the head is written, over whatever the handler set. */
export function forceHeaderOnWrite(res: ServerResponse, value: string, name = "cache-control") {
  onWriteHead(res, (r) => r.setHeader(name, value));
}

/**
 * Calls `fn` with the response just before its head goes out; `fn` may change the status and
 * headers. Node's implicit head (a first write without writeHead) also goes through writeHead.
 */
export function onWriteHead(res: ServerResponse, fn: (res: ServerResponse) => void) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    const headers = rest[rest.length - 1];
    if (headers && typeof headers === "object") {
      applyHeaders(this, headers);
      rest = rest.slice(0, -1);
    }
    this.statusCode = status;
    fn(this);
    return (writeHead as (...a: unknown[]) => ServerResponse).call(this, this.statusCode, ...rest);
  } as ServerResponse["writeHead"];
}

export function applyHeaders(res: ServerResponse, headers: object) {
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
