// Sign-in throttling policy. Like Ghost, it limits per client address and per (address, account)
// pair, and resets on success: guesses from one place lock out that place, never the account's
// owner signing in from elsewhere. An account under attack from many addresses is locked only for
// the addresses that have themselves failed on it. State lives in the database (db/queries/throttle.ts).

/** Failures one address may make on one account before it waits. */
export const PAIR_FREE_FAILURES = 5;
/** Failures one address may make across all accounts (an office behind NAT shares one). */
export const CLIENT_FREE_FAILURES = 20;
/** Failures on one account from all addresses before addresses that failed on it wait. */
export const ACCOUNT_FREE_FAILURES = 10;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 60 * 60_000;
/** Failures are counted in a fixed window from the first one; then they are all forgotten. */
export const FAILURE_WINDOW_MS = 24 * 60 * 60_000;

/** How long a key is locked after its n-th failure in the window (0 while under the free count). */
export function lockoutMs(failures: number, freeFailures: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(BASE_LOCK_MS * 2 ** (failures - freeFailures), MAX_LOCK_MS);
}

export type SigninKeys = { account: string; client: string; pair: string };

const normalEmail = (email: string) => email.trim().toLowerCase();

export function signinKeys(email: string, address: string): SigninKeys {
  return { account: `account:${normalEmail(email)}`, client: `client:${address}`, pair: `pair:${address} ${normalEmail(email)}` };
}
