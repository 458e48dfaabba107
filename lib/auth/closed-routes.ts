// next-auth answers credential sign-ins at /api/auth/callback/credentials (and /signin/credentials):
// a second door without our Origin check or throttle. These paths are refused.
export function isClosedAuthRoute(pathname: string): boolean {
  const p = pathname.replace(/\/+$/, "").toLowerCase();
  return /^\/api\/auth\/(callback|signin)\/credentials$/.test(p);
}
