// Three server instances on one database file behind nginx (round robin, no proxy cache): a
// publish and an unpublish made by another process must be seen by every instance within 1 s,
// with no refresh call. Also: a change made while every server is down is what the first request
// after a start sees.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDb } from "../../db/client";
import { importIssue } from "../../db/queries/imports";
import { setIssueStatus } from "../../db/queries/issues";
import { faultIssue } from "./issue";
import { setupDb, sleep, startServer, until, type Server } from "./servers";

export type InstancesResult =
  | { skipped: string }
  | { instances: number; publishMs: Seen[]; unpublishMs: Seen[]; viaNginx: { publish: Seen; unpublish: Seen }; afterRestart: number };
type Seen = { asked: number; answered: number } | null;

function startNginx(dir: string, port: number, upstreams: number[]): ChildProcess {
  mkdirSync(join(dir, "logs"), { recursive: true });
  const conf = `
error_log ${dir}/logs/error.log;
pid ${dir}/nginx.pid;
worker_processes 1;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream banmian { ${upstreams.map((p) => `server 127.0.0.1:${p};`).join(" ")} keepalive 16; }
  server {
    listen 127.0.0.1:${port};
    location / { proxy_pass http://banmian; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host $host; }
  }
}`;
  writeFileSync(join(dir, "nginx.conf"), conf);
  return spawn("nginx", ["-p", dir, "-c", join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: "ignore" });
}

/** `ports`: nginx's, then one per instance. */
export async function instancesCase(dir: string, [basePort, ...ports]: number[]): Promise<InstancesResult> {
  const count = ports.length;
  try {
    execFileSync("nginx", ["-v"], { stdio: "ignore" });
  } catch {
    return { skipped: "nginx is not installed" };
  }
  const dbPath = setupDb(dir);
  const writer = openDb(dbPath);
  const draft = faultIssue(5000);
  importIssue(draft, writer);
  const servers: Server[] = [];
  let nginx: ChildProcess | null = null;
  try {
    for (const p of ports) servers.push(await startServer(dbPath, p));
    nginx = startNginx(join(dir, "nginx"), basePort, ports);
    await sleep(500);
    const pathOf = `/${draft.paper.slug}/${draft.date}`;
    const live = "/linlan/2026-11-26";
    // Warm every instance: the draft's 404 and a published page kept in memory.
    for (const p of ports) {
      for (let k = 0; k < 2; k++) {
        await (await fetch(`http://127.0.0.1:${p}${pathOf}`)).text();
        await (await fetch(`http://127.0.0.1:${p}${live}`)).text();
      }
    }
    setIssueStatus({ paperSlug: draft.paper.slug, date: draft.date, status: "published" }, writer);
    const published = (s: number) => s === 200;
    const [viaPublish, ...publishMs] = await Promise.all([
      until(`http://127.0.0.1:${basePort}${pathOf}`, published, 3000),
      ...ports.map((p) => until(`http://127.0.0.1:${p}${pathOf}`, published, 3000)),
    ]);
    setIssueStatus({ paperSlug: "linlan", date: "2026-11-26", status: "draft" }, writer);
    const gone = (s: number) => s === 404;
    const [viaUnpublish, ...unpublishMs] = await Promise.all([
      until(`http://127.0.0.1:${basePort}${live}`, gone, 3000),
      ...ports.map((p) => until(`http://127.0.0.1:${p}${live}`, gone, 3000)),
    ]);
    // Everything down; a take-down while no server runs; the first request after a start.
    for (const s of servers.splice(0)) await s.stop();
    setIssueStatus({ paperSlug: draft.paper.slug, date: draft.date, status: "draft" }, writer);
    servers.push(await startServer(dbPath, ports[0]));
    const afterRestart = (await fetch(`http://127.0.0.1:${ports[0]}${pathOf}`)).status;
    return { instances: count, publishMs, unpublishMs, viaNginx: { publish: viaPublish, unpublish: viaUnpublish }, afterRestart };
  } finally {
    nginx?.kill("SIGQUIT");
    for (const s of servers) await s.stop();
    writer.$client.close();
  }
}
