// DELETE my account: with my password, everything kept for me goes (db/queries/readers.ts).
import { z } from "zod";
import { beginThrottledAttempt, endThrottledAttemptWithSuccess } from "@/db/queries/throttle";
import { deleteReader, getReaderCredentials } from "@/db/queries/readers";
import { verifyPassword } from "@/lib/auth/passwords";
import { ACCOUNT_FREE_FAILURES } from "@/lib/auth/throttle";
import { clearReaderCookieHeader, readerOf } from "@/app/(auth)/reader-session";
import { parseBody, reply, signInFirst } from "../_lib/respond";

export const dynamic = "force-dynamic";

const Body = z.object({ password: z.string().min(1, "请填写密码").max(200) });

export async function DELETE(request: Request) {
  const body = await parseBody(request, Body);
  if (body instanceof Response) return body;
  const reader = readerOf(request);
  if (!reader) return signInFirst();
  const key = `reader-account:${reader.email}`;
  if (beginThrottledAttempt([{ key, free: ACCOUNT_FREE_FAILURES }]) > 0) return reply(429, { error: "尝试次数过多，请稍后再试" });
  const creds = getReaderCredentials({ id: reader.id });
  if (!creds || !(await verifyPassword(creds.passwordHash, body.password))) return reply(401, { error: "密码不正确" });
  endThrottledAttemptWithSuccess([key]);
  deleteReader(reader.id);
  return reply(200, { ok: true }, { "set-cookie": clearReaderCookieHeader() });
}
