// The production server: Next's request handler behind a plain node:http server, so that the
// client's address comes from the socket (or a proxy we were told to trust), not from a header
// the client wrote, and so that cached reader pages never reach Next at all (server/).
import { createServer } from "node:http";
import { join } from "node:path";
import next from "next";
import { promoteDueIssues } from "../db/queries/edit-issues";
import { ensureSearchIndex } from "../db/queries/search";
import { createHttpCacheFromEnv, createRequestListener } from "../server/request-listener";
import { StaticBrotli } from "../server/static-brotli";

const port = Number(process.env.PORT || 3000);
// Not HOSTNAME: containers and some shells set it to the machine name, which would bind the
// server to one interface and leave 127.0.0.1 unanswered.
const hostname = process.env.LISTEN_HOST || "0.0.0.0";
const trustedHops = Number(process.env.TRUST_PROXY_HOPS || 0);
// better-sqlite3 waits for a lock on the event loop: a write that cannot have it at once is
// answered 503 (server/write-errors.ts) rather than freezing every reader for seconds.
process.env.EPAPER_BUSY_TIMEOUT_MS ??= "50";

async function main() {
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  await app.prepare();
  try {
    // Once at start, not on a reader's request: a search must never wait for the write lock.
    ensureSearchIndex();
  } catch (e) {
    console.error("banmian: the search index could not be checked; it will be at the next start", e);
  }
  const { cache } = createHttpCacheFromEnv();
  const assets = new StaticBrotli({
    "/_next/static/": join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "static"),
    "/islands/": join(process.cwd(), "public/islands"),
  });
  // The reader's scripts are on every reader page: in brotli from the very first request.
  void assets.warm("/islands/");
  const server = createServer(createRequestListener(app.getRequestHandler(), cache, trustedHops, assets));
  server.listen(port, hostname, () => console.log(`banmian: serving on http://localhost:${port}`));
  // Scheduled issues go live within a quarter of a minute of their time. Readers see them by
  // the content stamp, like any other write.
  const promoter = setInterval(() => {
    try {
      for (const due of promoteDueIssues()) console.log(`banmian: published scheduled issue ${due.paper}/${due.date}`);
    } catch (e) {
      console.error("banmian: promoting scheduled issues failed (retried in 15 s)", (e as Error).message);
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
