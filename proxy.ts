// Runs before every route except static assets: adds the security headers to every response,
// and sends visitors without a session cookie from /admin to the sign-in page. That redirect
// is a convenience only: every admin page, action and route handler checks the session itself
// (app/(auth)/guards.ts), because a cookie's presence proves nothing.
import { NextResponse, type NextRequest } from "next/server";
import { ALLOWED_METHODS, SECURITY_HEADERS, isAllowedMethod } from "./lib/security-headers";
import { isSameOrigin } from "./lib/auth/origin";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];


export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // The server answers TRACE and other methods 405 before Next; this covers `next start` too.
  if (!isAllowedMethod(request.method)) {
    return withHeaders(new NextResponse("Method Not Allowed", {
      status: 405, headers: { allow: ALLOWED_METHODS.join(", "), "content-type": "text/plain; charset=utf-8" },
    }));
  }
  // A write sent from another site (or from a sandboxed page: Origin "null") is refused here with
  // a 403, before Next's own server-action check, which answers such requests with a 500. Requests
  // with no Origin at all (the CLI's refresh call, curl) are left to each route's own check.
  const origin = request.headers.get("origin");
  if (request.method === "POST" && origin !== null && !isSameOrigin(request.headers)) {
    return withHeaders(NextResponse.json({ error: "跨站请求被拒绝" }, { status: 403 }));
  }
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  let response: NextResponse;
  if ((pathname === "/admin" || pathname.startsWith("/admin/")) && !hasSession) {
    const url = new URL("/signin", request.url);
    url.searchParams.set("next", pathname + search);
    response = NextResponse.redirect(url);
  } else {
    response = NextResponse.next();
  }
  return withHeaders(response);
}

function withHeaders(response: NextResponse): NextResponse {
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
