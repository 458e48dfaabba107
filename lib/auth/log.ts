// Expected noise from the internet (forged or stale session cookies) gets one short line, at most
// once a minute per kind, with a count of what was held back: a flood of bad cookies must not
// become a flood of stack traces on disk.

const WINDOW_MS = 60_000;
const state = new Map<string, { until: number; held: number }>();

/** Logs `line` unless a line of this kind was logged in the last minute; returns whether it did. */
export function logRateLimited(kind: string, line: string, now = Date.now(), write: (s: string) => void = (s) => console.warn(s)): boolean {
  const s = state.get(kind);
  if (s && now < s.until) {
    s.held++;
    return false;
  }
  const held = s?.held ?? 0;
  state.set(kind, { until: now + WINDOW_MS, held: 0 });
  write(held ? `${line} (and ${held} more in the last minute)` : line);
  return true;
}

/** Error types next-auth reports for tokens it cannot read: a forged, truncated or old cookie. */
const TOKEN_ERRORS = new Set(["JWTSessionError", "JWEDecryptionFailed", "JWEInvalid", "JWTInvalid", "SessionTokenError"]);

export function isBadTokenError(error: { name?: string; type?: string; message?: string }): boolean {
  return TOKEN_ERRORS.has(error.type ?? "") || TOKEN_ERRORS.has(error.name ?? "");
}
