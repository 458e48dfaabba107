// Scale out on one machine: 1, 2 and 4 app processes on the same database file behind nginx
// (plain load balancing, no proxy cache). Two loads each: the hot front page (every instance
// answers from its response cache) and articles nobody has asked for yet (every request renders).
import { join } from "node:path";
import { runLoad, type LoadResult } from "./load";
import { nginxMainConfig, nginxPoolServer, rssMb, startApp, startNginx, type Server } from "./servers";

export type ScaleRow = { instances: number; cached: LoadResult; renders: LoadResult; rendersDistinct: number; rssMb: number[] };

export async function measureScaleOut(opts: {
  nginxBin: string; distDir: string; dbPath: string; tmpDir: string; logDir: string;
  appPorts: number[]; poolPorts: Record<number, number>; cachedPath: string;
  renderSets: Record<number, string[]>; connections: number; seconds: number; warmSeconds: number;
  log: (s: string) => void;
}): Promise<ScaleRow[]> {
  const servers: Server[] = [];
  try {
    const apps = await Promise.all(opts.appPorts.map((port, i) => startApp({
      name: `app ${i + 1}`, port, distDir: opts.distDir, databasePath: opts.dbPath, logFile: join(opts.logDir, `scale-app-${i + 1}.log`),
    })));
    servers.push(...apps);
    const counts = Object.keys(opts.poolPorts).map(Number);
    const body = counts.map((n) => nginxPoolServer({
      port: opts.poolPorts[n], name: `pool${n}`, upstreams: opts.appPorts.slice(0, n).map((p) => `127.0.0.1:${p}`),
    })).join("");
    // Two workers: one worker proxying for four app processes would be the limit itself.
    const nginx = await startNginx({
      bin: opts.nginxBin, name: "nginx pools", dir: join(opts.tmpDir, "nginx-scale"), logFile: join(opts.logDir, "nginx-scale.log"),
      config: nginxMainConfig(join(opts.tmpDir, "nginx-scale"), body, 2),
      waitFor: counts.map((n) => `http://127.0.0.1:${opts.poolPorts[n]}/api/health`),
    });
    servers.push(nginx);
    const rows: ScaleRow[] = [];
    for (const n of counts) {
      const origin = `http://127.0.0.1:${opts.poolPorts[n]}`;
      const load = { origin, connections: opts.connections, scriptDir: opts.tmpDir };
      await runLoad({ ...load, paths: [opts.cachedPath], seconds: opts.warmSeconds });
      const cached = await runLoad({ ...load, paths: [opts.cachedPath], seconds: opts.seconds });
      // A render under 50 connections can take seconds on a busy machine, and wrk counts only
      // requests that complete within the run: renders get at least 5 s.
      const renders = await runLoad({ ...load, paths: opts.renderSets[n], seconds: Math.max(opts.seconds, 5) });
      rows.push({ instances: n, cached, renders, rendersDistinct: opts.renderSets[n].length, rssMb: apps.slice(0, n).map((a) => rssMb(a.pid)) });
      opts.log(`scale-out, ${n} instance(s): cached ${cached.rps} req/s, renders ${renders.rps} req/s${renders.requests > opts.renderSets[n].length ? " (the list of unvisited pages wrapped: some were cached)" : ""}`);
    }
    return rows;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}
