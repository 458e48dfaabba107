// Node's own ceiling for the bench: node:http sending files from memory, with the headers a
// page needs and nothing else (no ETag, no compression). `node bench/minimal-server.mjs PORT DIR`:
// `/a/b` answers DIR/a/b.html.
import { createServer } from "node:http";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const [port, dir] = process.argv.slice(2);
const pages = new Map();
const load = (p) => {
  for (const name of readdirSync(p)) {
    const file = join(p, name);
    if (statSync(file).isDirectory()) load(file);
    else if (name.endsWith(".html")) {
      const body = readFileSync(file);
      const headers = { "content-type": "text/html; charset=utf-8", "content-length": String(body.length) };
      pages.set("/" + relative(dir, file).slice(0, -".html".length), { body, headers });
    }
  }
};
load(dir);

createServer((req, res) => {
  if (req.url === "/healthz") return res.writeHead(204).end();
  const page = pages.get(req.url.split("?")[0]);
  if (!page) return res.writeHead(404).end();
  res.writeHead(200, page.headers).end(page.body);
}).listen(Number(port), "127.0.0.1");
