"use server";
// Sign-out: a POST (a server action, so Next checks its Origin). next-auth's signOut event
// deletes the session row, so the token stops working everywhere at once.
import { signOut } from "./auth";
import { authorizeAction } from "@/app/(auth)/guards";

export async function signOutAction(): Promise<void> {
  // Anyone may sign out; the guard only tells us whose session this is (none: nothing to end).
  await authorizeAction().catch(() => null);
  await signOut({ redirectTo: "/signin" });
}
