// A new password: the current one must be given (throttled like sign-in), and every other
// session of the reader ends.
import { z } from "zod";
import { beginThrottledAttempt, endThrottledAttemptWithSuccess } from "@/db/queries/throttle";
import { getReaderCredentials, setReaderPassword } from "@/db/queries/readers";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/passwords";
import { ACCOUNT_FREE_FAILURES } from "@/lib/auth/throttle";
import { readerOf, readerTokenOf } from "@/app/(auth)/reader-session";
import { parseBody, reply, signInFirst } from "../_lib/respond";

export const dynamic = "force-dynamic";

const Body = z.object({ current: z.string().min(1, "请填写当前密码").max(200), password: z.string().max(200) });

export async function POST(request: Request) {
  const body = await parseBody(request, Body);
  if (body instanceof Response) return body;
  const reader = readerOf(request);
  if (!reader) return signInFirst();
  const problem = passwordProblem(body.password);
  if (problem) return reply(400, { error: problem });
  const key = `reader-account:${reader.email}`;
  if (beginThrottledAttempt([{ key, free: ACCOUNT_FREE_FAILURES }]) > 0) return reply(429, { error: "尝试次数过多，请稍后再试" });
  const creds = getReaderCredentials({ id: reader.id });
  if (!creds || !(await verifyPassword(creds.passwordHash, body.current))) return reply(401, { error: "当前密码不正确" });
  endThrottledAttemptWithSuccess([key]);
  setReaderPassword(reader.id, await hashPassword(body.password), readerTokenOf(request));
  return reply(200, { ok: true });
}
