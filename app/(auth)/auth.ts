// Sign-in for the newsroom: next-auth v5, email + password (argon2id), JWT cookie carrying a
// session id that must still exist in the database: revocable at once (db/queries/sessions.ts).
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getCredentialsByEmail } from "@/db/queries/users";
import { createSession, deleteSession, getSessionUser } from "@/db/queries/sessions";
import { beginSigninAttempt, endSigninAttempt } from "@/db/queries/throttle";
import { clientAddress } from "@/lib/auth/client-address";
import { DEMO_EDITOR, demoEditorDecision } from "@/lib/auth/demo-editor";
import { isBadTokenError, logRateLimited } from "@/lib/auth/log";
import { verifyPassword } from "@/lib/auth/passwords";
import { signinKeys } from "@/lib/auth/throttle";
import { storageFailure } from "@/lib/storage-errors";
import { getAuthSecret } from "@/lib/secret";

export class LockedOutError extends CredentialsSignin {
  code = "locked";
}

/** The database could not record the sign-in (disk full, write lock held): not a wrong password. */
export class SigninUnavailableError extends CredentialsSignin {
  code = "unavailable";
  constructor(public reason: "full" | "busy") { super(); }
}

/** Runs a sign-in write; a storage failure becomes SigninUnavailableError. */
function recording<T>(write: () => T): T {
  try {
    return write();
  } catch (e) {
    const failure = storageFailure(e);
    if (failure) throw new SigninUnavailableError(failure);
    throw e;
  }
}

const Credential = z.object({ email: z.string().trim().toLowerCase().email().max(254), password: z.string().min(1).max(200) });

declare module "next-auth" {
  interface User { sid?: string }
  interface Session { sid?: string; uid?: number }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: getAuthSecret(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  logger: {
    // A wrong password is an expected outcome, not a server error.
    error(error) {
      const type = (error as { type?: string }).type;
      if (error.name === "CredentialsSignin" || type === "CredentialsSignin") return;
      // Anyone can send a made-up cookie: one short line a minute, not a stack trace each time.
      // A busy or full database is answered 503/507 by the server; one line, no stack: printing
      // a stack makes Next map it through the source maps, which holds up every reader for seconds.
      const code = (error.cause as { err?: { code?: unknown } } | undefined)?.err?.code;
      if (code === "busy" || code === "full") return console.warn(`[auth] sign-in could not be recorded: database ${code}`);
      if (isBadTokenError(error)) {
        logRateLimited("bad-session-token", `[auth] ignored an unreadable session cookie (${type ?? error.name})`);
        return;
      }
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = Credential.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const who = { email, address: clientAddress(request.headers) };
        const keys = signinKeys(email, who.address);
        const wait = recording(() => beginSigninAttempt(keys, who));
        if (wait > 0) throw new LockedOutError();
        const user = getCredentialsByEmail(email);
        const ok = await verifyPassword(user?.passwordHash ?? null, password);
        // The demo editor's password is public: it opens nothing on a reachable server.
        const demoRefused = ok && email === DEMO_EDITOR.email && password === DEMO_EDITOR.password && !demoEditorDecision().allowed;
        if (demoRefused) logRateLimited("demo-editor-refused", `[auth] refused the demo editor's published password: ${demoEditorDecision().reason}`);
        if (!user || !ok || user.disabled || demoRefused) {
          recording(() => endSigninAttempt(keys, { ok: false }, who));
          return null;
        }
        const sid = recording(() => {
          endSigninAttempt(keys, { ok: true, user }, who);
          return createSession(user.id);
        });
        return { id: String(user.id), email: user.email, name: user.name ?? user.email, sid };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sid) token.sid = user.sid;
      // Returning null ends the session: its row was deleted (sign-out elsewhere, password
      // change, account disabled) or it expired.
      const sid = typeof token.sid === "string" ? token.sid : null;
      const current = sid ? getSessionUser(sid) : null;
      if (!current) return null;
      token.uid = current.id;
      return token;
    },
    session({ session, token }) {
      session.sid = token.sid as string;
      session.uid = token.uid as number;
      return session;
    },
  },
  events: {
    signOut(message) {
      const sid = "token" in message ? message.token?.sid : null;
      if (typeof sid === "string") deleteSession(sid);
    },
  },
});
