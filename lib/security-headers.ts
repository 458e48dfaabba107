// Headers every response carries (set by proxy.ts, and by the few routes outside its matcher).
// script-src keeps 'unsafe-inline': Next's inline bootstrap scripts need it unless every page
// carries a per-request nonce, which would make every page dynamic and defeat the reader's
// caching of published pages. Article text is always rendered as text, never as HTML.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self' 'unsafe-inline'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

export const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};
