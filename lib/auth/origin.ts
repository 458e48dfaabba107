// Cross-site request protection for route handlers that change state: the browser's Origin
// (or, failing that, Referer) must be this site's. Server actions get the same check from Next.

/** The origins this site answers on: AUTH_URL's when set, else the request's Host. */
function allowedOrigins(headers: Headers): Set<string> {
  const set = new Set<string>();
  if (process.env.AUTH_URL) set.add(new URL(process.env.AUTH_URL).origin);
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  const proto = headers.get("x-forwarded-proto") ?? "http";
  if (host) set.add(`${proto.split(",")[0].trim()}://${host.split(",")[0].trim()}`);
  return set;
}

export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin") ?? (() => {
    const ref = headers.get("referer");
    try { return ref ? new URL(ref).origin : null; } catch { return null; }
  })();
  if (!origin || origin === "null") return false;
  return allowedOrigins(headers).has(origin);
}
