// next-auth's own routes (session, csrf, sign-out …). Its credentials sign-in door is closed:
// signing in goes only through /api/signin, which checks the Origin and throttles; that route
// calls next-auth's signIn() in-process, not over HTTP.
import { handlers } from "@/app/(auth)/auth";
import { isClosedAuthRoute } from "@/lib/auth/closed-routes";

export const { GET } = handlers;

export async function POST(request: Request) {
  if (isClosedAuthRoute(new URL(request.url).pathname)) {
    return Response.json({ error: "请通过登录页登录" }, { status: 404 });
  }
  return handlers.POST(request as Parameters<typeof handlers.POST>[0]);
}
