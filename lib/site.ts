// Absolute URLs for feeds, sitemaps and JSON-LD: AUTH_URL's origin when set (the public origin,
// because route handlers see request.url as localhost behind a proxy), else the request's own Host.

export function siteOrigin(headers: Headers | null, env: string | undefined = process.env.AUTH_URL): string {
  if (env) {
    try {
      return new URL(env).origin;
    } catch {
      // fall through to the request's host
    }
  }
  const host = headers?.get("host")?.split(",")[0].trim();
  // A Host header is attacker-controlled in principle: accept only a host[:port] shape.
  if (host && /^[a-z0-9.-]+(:\d{1,5})?$/i.test(host)) {
    const proto = headers?.get("x-forwarded-proto")?.split(",")[0].trim() === "https" ? "https" : "http";
    return `${proto}://${host}`;
  }
  return "http://localhost";
}

/** Escapes text for XML character data and attribute values; drops characters XML 1.0 forbids. */
export function xmlEscape(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
