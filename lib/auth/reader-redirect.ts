// Where a reader goes after signing in: a path on this site, never another origin (no open
// redirect) and never the back office or an API route.
export function safeReaderNext(next: unknown): string {
  return typeof next === "string" && next.length <= 500 && /^\/(?![/\\])[^\s\\]*$/.test(next) && !/^\/(admin|api)(\/|$|\?|#)/i.test(next)
    ? next : "/account";
}
