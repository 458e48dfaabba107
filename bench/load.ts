// Load generation (autocannon, in this process) and plain sequential timing.
import autocannon from "autocannon";

export type LoadResult = {
  rps: number; // mean requests per second
  p50: number; // latency, ms
  p97_5: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
  errors: number;
};

/**
 * `paths` rotates through several URLs (search queries) so that one hot query does not stand
 * for all of them.
 */
export async function runLoad(opts: { origin: string; paths: string[]; connections: number; seconds: number }): Promise<LoadResult> {
  let i = 0;
  const requests = opts.paths.length > 1
    ? [{ setupRequest: (req: { path?: string }) => ({ ...req, path: opts.paths[i++ % opts.paths.length] }) }]
    : undefined;
  const r = await autocannon({
    url: opts.origin + opts.paths[0],
    connections: opts.connections,
    duration: opts.seconds,
    pipelining: 1,
    timeout: 10,
    requests,
  });
  return {
    // Completed requests over the run's real length: per-second averages are coarse on short runs.
    rps: Math.round(r.requests.total / Math.max(r.duration, 0.001)),
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    max: r.latency.max,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

/** Times one request to the last byte, in ms. */
export async function timeRequest(url: string, init?: RequestInit): Promise<{ ms: number; status: number; bytes: number; headers: Headers }> {
  const t0 = performance.now();
  const res = await fetch(url, { redirect: "manual", ...init });
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status, bytes: body.byteLength, headers: res.headers };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}
