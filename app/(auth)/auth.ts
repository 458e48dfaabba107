// Sign-in for the newsroom: next-auth v5, email + password (argon2id), JWT cookie carrying a
// session id that must still exist in the database: revocable at once (db/queries/users.ts).
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import {
  beginSigninAttempt, createSession, deleteSession, endSigninAttemptWithSuccess, getCredentialsByEmail,
  getSessionUser,
} from "@/db/queries/users";
import { clientAddress } from "@/lib/auth/client-address";
import { verifyPassword } from "@/lib/auth/passwords";
import { ACCOUNT_FREE_FAILURES, CLIENT_FREE_FAILURES, accountKey, clientKey } from "@/lib/auth/throttle";
import { getAuthSecret } from "@/lib/secret";

export class LockedOutError extends CredentialsSignin {
  code = "locked";
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
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      // A busy or full database is answered 503/507 by the server; one line, no stack: printing
      // a stack makes Next map it through the source maps, which holds up every reader for seconds.
      const code = (error.cause as { err?: { code?: unknown } } | undefined)?.err?.code;
      if (code === "busy" || code === "full") return console.warn(`[auth] sign-in could not be recorded: database ${code}`);
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
        const keys = [accountKey(email), clientKey(clientAddress(request.headers))];
        const wait = beginSigninAttempt([{ key: keys[0], free: ACCOUNT_FREE_FAILURES }, { key: keys[1], free: CLIENT_FREE_FAILURES }]);
        if (wait > 0) throw new LockedOutError();
        const user = getCredentialsByEmail(email);
        const ok = await verifyPassword(user?.passwordHash ?? null, password);
        if (!user || !ok || user.disabled) return null;
        endSigninAttemptWithSuccess(keys[0], keys[1]);
        return { id: String(user.id), email: user.email, name: user.name ?? user.email, sid: createSession(user.id) };
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
