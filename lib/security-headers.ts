// Headers every response carries (set by proxy.ts, and by the few routes outside its matcher).
//
// script-src has no 'unsafe-inline'. Reader pages send no inline script at all (they run on the
// islands, server/next-runtime.ts); elsewhere the only inline scripts are Next's own (its bootstrap
// and the RSC payload, `self.__next_f.push(…)`), whose text differs per page, so the production server
// (scripts/serve.ts, server/script-hashes.ts) hashes the inline scripts of each HTML response it sends
// and lists exactly those hashes. A script injected into the HTML by anything else matches no hash
// and does not run. Hashing the finished body keeps cached pages cacheable (a nonce would make
// every page dynamic). Article text is always rendered as text, never as HTML.
// Plain module: proxy.ts imports it (no Node APIs here; the hashing is server/script-hashes.ts).

const BASE_POLICY = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
];

/** The policy with scripts from this origin and the listed inline-script hashes ("sha256-…") only. */
export function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
  const hashes = [...new Set(scriptHashes)].map((h) => `'${h}'`);
  return [...BASE_POLICY, ["script-src 'self'", ...hashes].join(" ")].join("; ");
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** HSTS only where the public origin is https: on plain http the header is ignored or harmful. */
export function transportHeaders(authUrl: string | undefined = process.env.AUTH_URL): Record<string, string> {
  return authUrl?.startsWith("https://") ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {};
}

export const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  ...transportHeaders(),
};

/** The methods this site answers. TRACE and the rest get a plain 405 from the server, not a 500. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "OPTIONS"] as const;

export function isAllowedMethod(method: string | undefined): boolean {
  return (ALLOWED_METHODS as readonly string[]).includes(method ?? "");
}
