// The server's signing secret: AUTH_SECRET when set, else one generated on first use and
// kept beside the database, so a fresh `npm start` works and restarts keep sessions valid.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

function secretFile(): string {
  // A runtime path, not a file the build should trace (Turbopack would otherwise trace the whole project).
  return join(dirname(resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH || "./data/epaper.db")), "auth-secret");
}

export function getAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = secretFile();
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    // Another process wrote it first: use theirs.
    return readFileSync(file, "utf8").trim();
  }
}

/** A token for a purpose, so the secret itself never travels. */
export function purposeToken(purpose: string): string {
  return createHmac("sha256", getAuthSecret()).update(purpose).digest("base64url");
}

export function checkPurposeToken(purpose: string, token: string | null): boolean {
  if (!token) return false;
  const a = Buffer.from(purposeToken(purpose));
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
