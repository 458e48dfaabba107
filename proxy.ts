// Runs before every route except static assets: adds the security headers to every response,
// and sends visitors without a session cookie from /admin to the sign-in page. That redirect
// is a convenience only: every admin page, action and route handler checks the session itself
// (lib/auth/guards.ts), because a cookie's presence proves nothing.
import { NextResponse, type NextRequest } from "next/server";
import { SECURITY_HEADERS } from "./lib/security-headers";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  let response: NextResponse;
  if ((pathname === "/admin" || pathname.startsWith("/admin/")) && !hasSession) {
    const url = new URL("/signin", request.url);
    url.searchParams.set("next", pathname + search);
    response = NextResponse.redirect(url);
  } else {
    response = NextResponse.next();
  }
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) response.headers.set(k, v);
  return response;
}

export const config = {
  matcher: [
    // Everything but build assets and images, and the upload route: the proxy buffers request
    // bodies (10 MB by default) and would cut a page PDF short. That route sets its own headers.
    "/((?!_next/static|_next/image|favicon.ico|api/admin/upload).*)",
  ],
};
