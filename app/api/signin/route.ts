import { AuthError } from "next-auth";
import { z } from "zod";
import { LockedOutError, SigninUnavailableError, signIn } from "@/app/(auth)/auth";
import { signinWaitMs } from "@/db/queries/throttle";
import { clientAddress } from "@/lib/auth/client-address";
import { isSameOrigin } from "@/lib/auth/origin";
import { signinKeys } from "@/lib/auth/throttle";
import { messagePage } from "@/lib/auth/message-page";
import { STORAGE_MESSAGES } from "@/lib/storage-errors";

export const dynamic = "force-dynamic";

const Form = z.object({ email: z.string().max(254), password: z.string().max(200), next: z.string().max(500).optional() });

const GENERIC = "邮箱或密码不正确";

/** Only paths inside the back office; never an absolute URL (no open redirect). */
function safeNext(next: string | undefined): string {
  return next && /^\/admin(\/[^\s]*)?$/.test(next) && !next.startsWith("//") ? next : "/admin";
}

/**
 * Sign-in: answers JSON to a client that asks for it, and redirects the sign-in page's plain form post. Locked-out
 * keys get 429 with Retry-After (a page saying so, without script); an unknown email and a wrong
 * password get the same answer; a database that cannot record the sign-in gets 503.
 */
export async function POST(request: Request) {
  if (!isSameOrigin(request.headers)) return Response.json({ error: "跨站请求被拒绝" }, { status: 403 });
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const body = request.headers.get("content-type")?.includes("application/json")
    ? await request.json().catch(() => null)
    : Object.fromEntries((await request.formData().catch(() => new FormData())).entries());
  const parsed = Form.safeParse(body);
  // Back to the form, keeping where the editor was going.
  const wanted = parsed.success && parsed.data.next ? safeNext(parsed.data.next) : null;
  const signinAgain = (extra: Record<string, string> = {}) =>
    `/signin?${new URLSearchParams({ ...extra, ...(wanted ? { next: wanted } : {}) })}`.replace(/\?$/, "");
  const reply = (status: number, payload: Record<string, unknown>, headers: Record<string, string> = {}) => {
    if (wantsJson) return Response.json(payload, { status, headers });
    if (status === 200) return new Response(null, { status: 303, headers: { location: String(payload.redirect) } });
    // Without script a refusal the form can retry is a page of its own: a 429 or 503 with no body is blank.
    if (status === 429 || status === 503) {
      return new Response(messagePage("暂时无法登录", String(payload.error), signinAgain()), {
        status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...headers },
      });
    }
    return new Response(null, { status: 303, headers: { location: signinAgain({ error: "invalid" }), ...headers } });
  };
  if (!parsed.success) return reply(400, { error: GENERIC });
  const { email, password } = parsed.data;

  const wait = signinWaitMs(signinKeys(email, clientAddress(request.headers)));
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    return reply(429, { error: `尝试次数过多，请 ${seconds} 秒后再试`, retryAfter: seconds }, { "retry-after": String(seconds) });
  }
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (e) {
    if (e instanceof LockedOutError) return reply(429, { error: "尝试次数过多，请稍后再试" }, { "retry-after": "30" });
    if (e instanceof SigninUnavailableError) {
      return reply(503, { error: STORAGE_MESSAGES[e.reason] }, { "retry-after": e.reason === "busy" ? "2" : "60" });
    }
    if (e instanceof AuthError) return reply(401, { error: GENERIC });
    throw e;
  }
  return reply(200, { ok: true, redirect: safeNext(parsed.data.next) });
}
