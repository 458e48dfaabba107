// Shared by the reader's JSON routes: every answer is private and never stored by a cache, every
// state change must come from this site (Origin check), and every body is bounded and validated.
import type { z } from "zod";
import { isSameOrigin } from "@/lib/auth/origin";

export const NO_STORE = { "cache-control": "private, no-store", vary: "Cookie" };

export function reply(status: number, payload: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(payload, { status, headers: { ...NO_STORE, ...headers } });
}

const MAX_BODY = 16 * 1024;

/** The request's JSON or form body parsed by `schema`, or the Response to send instead. */
export async function parseBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T> | Response> {
  if (!isSameOrigin(request.headers)) return reply(403, { error: "跨站请求被拒绝" });
  const text = await request.text().catch(() => "");
  if (text.length > MAX_BODY) return reply(413, { error: "请求过大" });
  let raw: unknown = null;
  if ((request.headers.get("content-type") ?? "").includes("application/json")) {
    try { raw = JSON.parse(text || "null"); } catch { raw = null; }
  } else {
    raw = Object.fromEntries(new URLSearchParams(text));
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return reply(400, { error: parsed.error.issues[0]?.message ?? "请求无效" });
  return parsed.data;
}

export const signInFirst = () => reply(401, { error: "请先登录" });
