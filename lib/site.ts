// Absolute URLs for feeds, sitemaps, robots.txt and JSON-LD: AUTH_URL's origin (the public origin).
// Never the request's Host header: anyone can send any Host, and a feed or sitemap built from it
// would carry their links into caches and crawlers. Without AUTH_URL the links name this machine
// (http://localhost:PORT), which is right for a newsroom's own machine and obviously wrong in
// public, and such responses are not cached publicly (isPublicOriginKnown).

export function siteOrigin(env: Record<string, string | undefined> = process.env): string {
  if (env.AUTH_URL) {
    try {
      return new URL(env.AUTH_URL).origin;
    } catch {
      // fall through to this machine
    }
  }
  return `http://localhost:${env.PORT || 3000}`;
}

/** True when AUTH_URL names the public origin, so absolute links may be cached by shared caches. */
export function isPublicOriginKnown(env: Record<string, string | undefined> = process.env): boolean {
  try {
    return !!env.AUTH_URL && !!new URL(env.AUTH_URL).origin;
  } catch {
    return false;
  }
}

/** Escapes text for XML character data and attribute values; drops characters XML 1.0 forbids. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
