// POST {code}: redeems an activation code for the signed-in reader. Guessing is throttled per
// reader and per client address, counted before the code is looked up; an unknown, used or
// expired code gets a plain message and changes nothing.
import { z } from "zod";
import { beginThrottledAttempt, endThrottledAttemptWithSuccess } from "@/db/queries/throttle";
import { redeemCode } from "@/db/queries/codes";
import { normalizeCode } from "@/lib/activation-codes";
import { clientAddress } from "@/lib/auth/client-address";
import { readerOf } from "@/app/(auth)/reader-session";
import { parseBody, reply, signInFirst } from "../_lib/respond";

export const dynamic = "force-dynamic";

const Body = z.object({ code: z.string().max(64, "激活码无效，请核对后重新输入") });

const CODE_FREE_FAILURES = { reader: 10, client: 30 };

const MESSAGES = {
  unknown: "激活码无效，请核对后重新输入",
  used: "此激活码已被使用",
  expired: "此激活码已过期",
} as const;

export async function POST(request: Request) {
  const body = await parseBody(request, Body);
  if (body instanceof Response) return body;
  const reader = readerOf(request);
  if (!reader) return signInFirst();
  const keys = [
    { key: `code-reader:${reader.id}`, free: CODE_FREE_FAILURES.reader },
    { key: `code-client:${clientAddress(request.headers)}`, free: CODE_FREE_FAILURES.client },
  ];
  const wait = beginThrottledAttempt(keys);
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    return reply(429, { error: `尝试次数过多，请 ${seconds} 秒后再试` }, { "retry-after": String(seconds) });
  }
  const code = normalizeCode(body.code);
  const result = code ? redeemCode({ code, readerId: reader.id }) : ({ ok: false, reason: "unknown" } as const);
  if (!result.ok) return reply(400, { error: MESSAGES[result.reason], reason: result.reason });
  endThrottledAttemptWithSuccess(keys.map((k) => k.key));
  const s = result.subscription;
  return reply(200, { ok: true, subscription: { paper: s.paperSlug, plan: s.plan, startsAt: s.startsAt, endsAt: s.endsAt } });
}
