// Guards at the top of every admin page, server action and route handler. Authorisation is
// decided here, beside the data, on every request; the proxy only redirects for convenience.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/app/(auth)/auth";
import type { UserView } from "@/db/queries/users";
import { getSessionUser, touchSession } from "@/db/queries/sessions";
import { isSameOrigin } from "@/lib/auth/origin";
import { AppError } from "@/lib/errors";

export type Actor = { user: UserView; sessionId: string };

export class AuthorizationError extends AppError {
  constructor(status: 401 | 403, message: string) { super(status === 401 ? "unauthorized" : "forbidden", message); }
}

/** The signed-in, enabled user of this request, re-read from the database; or null. */
export async function currentActor(): Promise<Actor | null> {
  const session = await auth();
  const sid = session?.sid;
  if (!sid) return null;
  const user = getSessionUser(sid);
  if (!user) return null;
  // The idle timeout counts from the last request that used the session.
  touchSession(sid);
  return { user, sessionId: sid };
}

/** For pages: anonymous → sign-in; editors and admins pass. */
export async function requireEditor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  return actor;
}

/** For pages: anonymous → sign-in; an editor is shown "not found" rather than what exists. */
export async function requireAdmin(): Promise<Actor> {
  const actor = await requireEditor();
  if (actor.user.role !== "admin") notFound();
  return actor;
}

/** For server actions: throws instead of redirecting, so the action returns an error. */
export async function authorizeAction(role: "editor" | "admin" = "editor"): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AuthorizationError(401, "请先登录");
  if (role === "admin" && actor.user.role !== "admin") throw new AuthorizationError(403, "需要管理员权限");
  return actor;
}

/** For route handlers: an Actor, or the Response to send (401, 403, or a cross-site refusal). */
export async function authorizeRequest(request: Request, role: "editor" | "admin" = "editor"): Promise<Actor | Response> {
  if (request.method !== "GET" && request.method !== "HEAD" && !isSameOrigin(request.headers)) {
    return Response.json({ error: "跨站请求被拒绝" }, { status: 403 });
  }
  const actor = await currentActor();
  if (!actor) return Response.json({ error: "请先登录" }, { status: 401 });
  if (role === "admin" && actor.user.role !== "admin") return Response.json({ error: "需要管理员权限" }, { status: 403 });
  return actor;
}
