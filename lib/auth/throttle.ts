// Sign-in throttling policy: after a few failures a key is locked out, for longer each time.
// Keys are per account and per client address; state lives in the database (db/queries/users.ts).

export const ACCOUNT_FREE_FAILURES = 5;
export const CLIENT_FREE_FAILURES = 20;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 60 * 60_000;
/** Failures older than this are forgotten. */
export const FAILURE_WINDOW_MS = 24 * 60 * 60_000;

/** How long a key is locked after its n-th consecutive failure (0 while under the free count). */
export function lockoutMs(failures: number, freeFailures: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(BASE_LOCK_MS * 2 ** (failures - freeFailures), MAX_LOCK_MS);
}

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const clientKey = (address: string) => `client:${address}`;
