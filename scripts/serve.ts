// The production server: Next's request handler behind a plain node:http server, so that the
// client's address comes from the socket (or a proxy we were told to trust), not from a header
// the client wrote. Sign-in throttling per address depends on it.
import { createServer } from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER, addressFromForwarded } from "../lib/auth/client-address";
import { promoteDueIssues } from "../db/queries/edit-issues";
import { requestRevalidation } from "../lib/revalidate-client";
import { createHttpCacheFromEnv } from "../lib/http-cache";
import { isWellFormedPath } from "../lib/request-path";
import { applyScriptHashes } from "../lib/script-hashes";
import { ALLOWED_METHODS, isAllowedMethod } from "../lib/security-headers";

const port = Number(process.env.PORT || 3000);
// Not HOSTNAME: containers and some shells set it to the machine name, which would bind the
// server to one interface and leave 127.0.0.1 (the CLI's cache purge) unanswered.
const hostname = process.env.LISTEN_HOST || "0.0.0.0";
const trustedHops = Number(process.env.TRUST_PROXY_HOPS || 0);

async function main() {
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  // ETags, 304s, CDN-ready Cache-Control and an in-memory copy of reader pages: lib/http-cache.ts.
  const httpCache = createHttpCacheFromEnv();
  const server = createServer((req, res) => {
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
    // HTML answers carry a CSP listing their own inline scripts' hashes (lib/security-headers.ts).
    applyScriptHashes(res);
    httpCache.handle(req, res, handle);
  });
  server.listen(port, hostname, () => console.log(`banmian: serving on http://localhost:${port}`));
  // Scheduled issues go live within a quarter of a minute of their time; the revalidation call
  // goes through the HTTP route because this loop runs outside Next's request context.
  const promoter = setInterval(() => {
    try {
      for (const due of promoteDueIssues()) {
        console.log(`banmian: published scheduled issue ${due.paper}/${due.date}`);
        void requestRevalidation(due);
      }
    } catch (e) {
      console.error("banmian: promoting scheduled issues failed", e);
    }
  }, 15_000);
  promoter.unref();
  const stop = () => { clearInterval(promoter); server.close(() => process.exit(0)); };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  console.error("banmian: the server could not start:", e);
  process.exit(1);
});
