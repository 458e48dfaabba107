// Reader sign-in and sign-up, throttled like the newsroom's (counted before the password is
// checked) under keys of their own, and answering an unknown email exactly as a wrong password.
import { z } from "zod";
import { beginThrottledAttempt, endThrottledAttemptWithSuccess } from "@/db/queries/throttle";
import { createReader, createReaderSession, getReaderCredentials, ReaderExistsError } from "@/db/queries/readers";
import { clientAddress } from "@/lib/auth/client-address";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/passwords";
import { CLIENT_FREE_FAILURES, PAIR_FREE_FAILURES } from "@/lib/auth/throttle";

export const Credentials = z.object({
  email: z.string().trim().toLowerCase().max(254).email("请填写有效的邮箱"),
  password: z.string().min(1, "请填写密码").max(200, "密码过长"),
});

export const GENERIC = "邮箱或密码不正确";
const SIGNUPS_PER_CLIENT = 20;

export type SigninOutcome = { ok: true; token: string; readerId: number } | { ok: false; status: 401 | 429 | 400; error: string };

// Per address and account, and per address, as for the newsroom: an address that guesses is
// held back, while the account's owner elsewhere still gets in (no lockout as a weapon).
const keysFor = (email: string, headers: Headers) => [
  { key: `reader-pair:${clientAddress(headers)} ${email}`, free: PAIR_FREE_FAILURES },
  { key: `reader-client:${clientAddress(headers)}`, free: CLIENT_FREE_FAILURES },
];

export async function signInReader(email: string, password: string, headers: Headers): Promise<SigninOutcome> {
  const keys = keysFor(email, headers);
  const wait = beginThrottledAttempt(keys);
  if (wait > 0) return { ok: false, status: 429, error: `尝试次数过多，请 ${Math.ceil(wait / 1000)} 秒后再试` };
  const reader = getReaderCredentials({ email });
  const ok = await verifyPassword(reader?.passwordHash ?? null, password);
  if (!reader || !ok) return { ok: false, status: 401, error: GENERIC };
  endThrottledAttemptWithSuccess(keys.map((k) => k.key));
  return { ok: true, token: createReaderSession(reader.id), readerId: reader.id };
}

/**
 * Sign-up. An email already registered is signed in when the password is its own, and otherwise
 * gets the sign-in page's answer; every sign-up counts against the client's allowance, so trying
 * many emails to learn which exist is throttled like guessing passwords.
 */
export async function signUpReader(email: string, password: string, headers: Headers): Promise<SigninOutcome> {
  const problem = passwordProblem(password);
  if (problem) return { ok: false, status: 400, error: problem };
  const wait = beginThrottledAttempt([{ key: `reader-signup:${clientAddress(headers)}`, free: SIGNUPS_PER_CLIENT }]);
  if (wait > 0) return { ok: false, status: 429, error: `尝试次数过多，请 ${Math.ceil(wait / 1000)} 秒后再试` };
  const passwordHash = await hashPassword(password);
  try {
    const reader = createReader({ email, passwordHash });
    return { ok: true, token: createReaderSession(reader.id), readerId: reader.id };
  } catch (e) {
    if (!(e instanceof ReaderExistsError)) throw e;
    return signInReader(email, password, headers);
  }
}
