// The reader's session cookie: `banmian_reader`, a random token (its hash is the session row),
// httpOnly and SameSite=Lax, Secure when the site's public origin is https. Apart from the
// newsroom's next-auth cookie: a reader session is never an editor session, and the back office's
// guards (app/(auth)/guards.ts) never look at this one.
import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionReader, READER_SESSION_DAYS, type ReaderView } from "@/db/queries/readers";
export { safeReaderNext } from "@/lib/auth/reader-redirect";

export const READER_COOKIE = "banmian_reader";

function secure(): boolean {
  return (process.env.AUTH_URL ?? "").startsWith("https:");
}

export function readerCookieHeader(token: string): string {
  return `${READER_COOKIE}=${token}; Path=/; Max-Age=${READER_SESSION_DAYS * 86_400}; HttpOnly; SameSite=Lax${secure() ? "; Secure" : ""}`;
}

export function clearReaderCookieHeader(): string {
  return `${READER_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure() ? "; Secure" : ""}`;
}

/** The session token a request carries, if any. */
export function readerTokenOf(request: Request): string | null {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === READER_COOKIE) return rest.join("=") || null;
  }
  return null;
}

/** For route handlers. */
export function readerOf(request: Request): ReaderView | null {
  return getSessionReader(readerTokenOf(request));
}

/** For server pages under /account (dynamic: they read the cookie). */
export async function currentReader(): Promise<{ reader: ReaderView; token: string } | null> {
  const token = (await cookies()).get(READER_COOKIE)?.value ?? null;
  const reader = getSessionReader(token);
  return reader && token ? { reader, token } : null;
}

/** For /account pages: the signed-in reader, or off to sign-in and back. */
export async function requireReader(here: string): Promise<{ reader: ReaderView; token: string }> {
  const current = await currentReader();
  if (!current) redirect(`/account/signin?next=${encodeURIComponent(here)}`);
  return current;
}
