// The bench's own parts that decide its numbers: reading wrk's report, and turning the shipped
// nginx config into the bench's without changing anything but address, upstreams and cache path.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseWrk, wrkArgs } from "./load";
import { nginxMainConfig, nginxStaticServers, proxyCacheConfig, PROXY_CACHE_CONF } from "./servers";

const WRK_OUTPUT = `Running 2s test @ http://127.0.0.1:3604/lanjiang/2026-11-23
  1 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.61ms  812.34us  21.40ms   91.04%
    Req/Sec    19.12k     1.03k   20.41k    80.00%
  Latency Distribution
     50%    2.48ms
     75%    2.71ms
     90%    3.10ms
     99%    1.02s
  38054 requests in 2.00s, 2.47GB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 7
Requests/sec:  19023.41
Transfer/sec:      1.23GB
`;

describe("parseWrk", () => {
  it("reads throughput, percentiles in their units, the maximum and the failures", () => {
    const r = parseWrk(WRK_OUTPUT);
    expect(r).toEqual({ rps: 19027, p50: 2.48, p90: 3.1, p99: 1020, max: 21.4, requests: 38054, non2xx: 7, errors: 5 });
  });

  it("refuses output without a result rather than reporting zero", () => {
    expect(() => parseWrk("unable to connect to 127.0.0.1:3604 Connection refused")).toThrow(/no result/);
  });
});

describe("wrkArgs", () => {
  it("sends a reader's cookie with every request, one path or a rotation", () => {
    const base = { origin: "http://127.0.0.1:3601", connections: 50, seconds: 2, scriptDir: mkdtempSync(join(tmpdir(), "banmian-wrk-")) };
    const headers = { cookie: "banmian_reader=tok" };
    const one = wrkArgs({ ...base, paths: ["/api/reader/articles/7"], headers });
    expect(one.slice(-3)).toEqual(["-H", "cookie: banmian_reader=tok", "http://127.0.0.1:3601/api/reader/articles/7"]);
    const many = wrkArgs({ ...base, paths: ["/a", "/b"], headers });
    expect(many[many.indexOf("-H") + 1]).toBe("cookie: banmian_reader=tok");
    expect(many.indexOf("-H")).toBeLessThan(many.indexOf("http://127.0.0.1:3601/a"));
    expect(wrkArgs({ ...base, paths: ["/a"] })).not.toContain("-H");
    rmSync(base.scriptDir, { recursive: true, force: true });
  });
});

describe("the shipped nginx proxy cache", () => {
  const shipped = readFileSync(PROXY_CACHE_CONF, "utf8");

  it("changes only the listen address, the upstreams and the cache directory", () => {
    const out = proxyCacheConfig(shipped, { port: 3605, upstreams: ["127.0.0.1:3601", "127.0.0.1:3602"], cacheDir: "/tmp/x/cache" });
    const changed = out.split("\n").filter((l) => !shipped.split("\n").includes(l));
    expect(changed).toEqual([
      "proxy_cache_path /tmp/x/cache levels=1:2 keys_zone=banmian:16m max_size=512m inactive=10m use_temp_path=off;",
      "  server 127.0.0.1:3601;",
      "  server 127.0.0.1:3602;",
      "  listen 127.0.0.1:3605;",
    ]);
  });

  it("never stores a private response or one for a request with a cookie", () => {
    expect(shipped).toMatch(/~\*\(private\|no-store\|no-cache\) 1;/);
    expect(shipped).toMatch(/proxy_no_cache \$banmian_no_store \$http_cookie/);
    expect(shipped).toMatch(/proxy_cache_bypass \$http_cookie/);
    expect(shipped).toMatch(/proxy_cache_valid 200 301 302 404 1s;/);
  });

  it("serves cached pages without TCP_CORK, which stalls large cached responses by ~40 ms", () => {
    expect(shipped).toMatch(/^\s*tcp_nopush off;/m);
  });

  const nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));
  it.skipIf(!nginx)("is a valid nginx configuration as the bench runs it (nginx -t)", () => {
    const dir = mkdtempSync(join(tmpdir(), "banmian-nginx-"));
    mkdirSync(join(dir, "cache"));
    writeFileSync(join(dir, "proxy-cache.conf"), proxyCacheConfig(shipped, { port: 3698, upstreams: ["127.0.0.1:3697"], cacheDir: join(dir, "cache") }));
    const conf = nginxMainConfig(dir, nginxStaticServers({ staticPort: 3696, ceilingPort: 3695, dir }) + `  include ${join(dir, "proxy-cache.conf")};\n`);
    writeFileSync(join(dir, "nginx.conf"), conf);
    const r = spawnSync(nginx!, ["-t", "-p", dir, "-e", join(dir, "error.log"), "-c", join(dir, "nginx.conf")], { encoding: "utf8" });
    expect(r.stderr).toContain("test is successful");
  });
});
