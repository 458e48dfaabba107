// A request whose database write could not be made (the write lock stayed taken, the disk is
// full) is answered as such: 503 with Retry-After, or 507, with a sentence that says what to do,
// instead of whatever the code above it made of the failure (a 500, or "wrong password" when
// next-auth wraps the error). db/client.ts announces the typed error; this module remembers it
// for the request it happened in (AsyncLocalStorage follows the request through Next's awaits).
// A server action that answered 2xx dealt with the error itself (its form message).
import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";
import { onDatabaseWriteError, type DatabaseBusyError, type DatabaseFullError } from "../db/client";
import { bufferResponse } from "./buffer-response";

type RequestState = { writeError: DatabaseBusyError | DatabaseFullError | null };

const requests = new AsyncLocalStorage<RequestState>();
let listening = false;

/**
 * Runs `fn` (Next's handling of a write request) where database write errors are noticed. Write
 * requests are small, so their answers are held until they end and replaced when a write failed.
 * Call it inside the cache layer, so that headers it forces still apply.
 */
export function withWriteErrors(req: IncomingMessage, res: ServerResponse, fn: () => unknown): unknown {
  if (req.method === "GET" || req.method === "HEAD") return fn();
  if (!listening) {
    listening = true;
    onDatabaseWriteError((e) => {
      const state = requests.getStore();
      if (state && !state.writeError) state.writeError = e;
    });
  }
  const state: RequestState = { writeError: null };
  bufferResponse(res, (status, body) => {
    const error = state.writeError;
    // A server action's 2xx carries its own form message (act()); any other 2xx after a failed
    // write would claim a success that did not happen.
    if (!error || (status < 300 && req.headers["next-action"] !== undefined)) return { status, body };
    return answerWriteError(req, res, error);
  });
  return requests.run(state, fn);
}

function answerWriteError(req: IncomingMessage, res: ServerResponse, error: DatabaseBusyError | DatabaseFullError) {
  // Not instanceof: Next's bundle has its own copy of db/client.ts, and so its own classes.
  const busy = error.code === "busy";
  const wantsJson = /json/.test(String(req.headers.accept ?? "")) || /json/.test(String(res.getHeader("content-type") ?? ""));
  const text = wantsJson
    ? JSON.stringify({ error: error.message, ...(busy ? { retryAfter: (error as DatabaseBusyError).retryAfterSeconds ?? 2 } : {}) })
    : error.message;
  for (const name of res.getHeaderNames()) if (name !== "set-cookie") res.removeHeader(name);
  res.setHeader("content-type", wantsJson ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.setHeader("x-content-type-options", "nosniff");
  const retryAfter = (error as DatabaseBusyError).retryAfterSeconds ?? 2;
  if (busy) res.setHeader("retry-after", String(retryAfter));
  const body = Buffer.from(text);
  res.setHeader("content-length", body.length);
  return { status: busy ? 503 : 507, body };
}
