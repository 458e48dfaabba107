// The production server: Next's request handler behind a plain node:http server, so that the
// client's address comes from the socket (or a proxy we were told to trust), not from a header
// the client wrote. Sign-in throttling per address depends on it.
import { createServer } from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER, addressFromForwarded } from "../lib/auth/client-address";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "0.0.0.0";
const trustedHops = Number(process.env.TRUST_PROXY_HOPS || 0);

async function main() {
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
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
    handle(req, res);
  });
  server.listen(port, hostname, () => console.log(`banmian: serving on http://localhost:${port}`));
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  console.error("banmian: the server could not start:", e);
  process.exit(1);
});
