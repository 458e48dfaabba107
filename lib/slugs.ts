// Paper slugs are the first URL segment, so they must not shadow the app's own routes.
const RESERVED = new Set(["admin", "api", "search", "signin", "signout", "login", "feed.xml", "sitemap.xml", "robots.txt", "_next", "static", "public", "media", "archive", "img", "demo", "favicon.ico", "account"]);

export function isPaperSlug(s: unknown): s is string {
  return typeof s === "string" && /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/.test(s) && !RESERVED.has(s);
}
