// What the production server does with each request before and around Next's handler, in order:
// the in-memory copy of reader pages (the hot path: nothing else runs for a hit), build assets in
// brotli, the 400 for a malformed path, the client's address from the socket, a full load for a
// client navigation to a page that runs on islands (server/next-runtime.ts), caching headers,
// and the answer to a write that found the database busy or full.
import type { IncomingMessage, ServerResponse } from "node:http";
import { databasePath } from "../lib/paths";
import { CLIENT_ADDRESS_HEADER, addressFromForwarded } from "../lib/auth/client-address";
import { accessToday } from "../lib/access";
import { ALLOWED_METHODS, isAllowedMethod } from "../lib/security-headers";
import { ContentWatch } from "./content-watch";
import { classifyPath, HttpCache, type Handler } from "./http-cache";
import { answerWithFullLoad, isIslandPath } from "./next-runtime";
import { isWellFormedPath } from "./request-path";
import type { StaticBrotli } from "./static-brotli";
import { applyScriptHashes } from "./script-hashes";
import { withWriteErrors } from "./write-errors";

let day = "";
let dayEnds = 0;
/** accessToday(), recomputed once a day rather than on every request. */
function accessDay(): string {
  const now = Date.now();
  if (now >= dayEnds) {
    day = accessToday(new Date(now));
    dayEnds = Date.parse(`${day}T00:00:00+08:00`) + 86_400_000;
  }
  return day;
}

/** The server's cache, as the environment asks: EPAPER_RESPONSE_CACHE=0 turns the in-memory copy off. */
export function createHttpCacheFromEnv(env: NodeJS.ProcessEnv = process.env): { cache: HttpCache; watch: ContentWatch } {
  const watch = new ContentWatch(databasePath(env));
  const cache = new HttpCache({
    responseCache: env.EPAPER_RESPONSE_CACHE !== "0",
    // The day is part of what readers see: under an `archive` policy a story leaves the free
    // window at midnight (China time), with no write to the database.
    contentStamp: () => `${watch.stamp()}@${accessDay()}`,
    afterWrite: () => watch.checkSoon(),
  });
  return { cache, watch };
}

export function createRequestListener(handle: Handler, cache: HttpCache, trustedHops: number, assets?: StaticBrotli) {
  const next: Handler = (req, res) => {
    // Installed inside the cache's own capture, so a stored page keeps the CSP that lists its
    // inline scripts' hashes (lib/security-headers.ts).
    applyScriptHashes(res);
    return withWriteErrors(req, res, () => handle(req, res));
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    if (cache.serveFromMemory(req, res)) return;
    if (assets?.serve(req, res)) return;
    if (!isWellFormedPath(req.url)) {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Bad Request");
      return;
    }
    if (!isAllowedMethod(req.method)) {
      res.writeHead(405, { allow: ALLOWED_METHODS.join(", "), "content-type": "text/plain; charset=utf-8" }).end("Method Not Allowed");
      return;
    }
    const forwarded = req.headers["x-forwarded-for"];
    req.headers[CLIENT_ADDRESS_HEADER] = addressFromForwarded(
      req.socket.remoteAddress,
      Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
      trustedHops,
    );
    if (trustedHops === 0) {
      // Not behind a proxy we trust: what the client says about itself is dropped.
      delete req.headers["x-forwarded-for"];
      delete req.headers["x-forwarded-host"];
      delete req.headers["x-forwarded-proto"];
    }
    const url = req.url ?? "/";
    // Next's router marks its requests with an RSC header (a ?_rsc= link without it is a page view).
    if (req.headers.rsc !== undefined && req.method === "GET") {
      const pathname = url.split("?")[0];
      if (isIslandPath(pathname, classifyPath(pathname))) return answerWithFullLoad(res);
    }
    cache.handleMiss(req, res, next);
  };
}
