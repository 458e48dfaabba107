// Activation codes for print subscribers: 20 symbols of Crockford's base32 (100 bits from the
// system's CSPRNG), printed in four groups of five. Input is forgiving the way Crockford's
// alphabet is meant to be: case, spaces, hyphens, and O/I/L typed for 0/1/1 do not matter.
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // no I, L, O, U
export const CODE_SYMBOLS = 20;
export const CODE_BITS = CODE_SYMBOLS * 5;

/** A fresh code, canonical form ("7K2QX-…"). */
export function generateCode(random: (n: number) => Buffer = randomBytes): string {
  const bytes = random(Math.ceil(CODE_BITS / 8)); // 13 bytes = 104 bits, 100 used
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = "";
  for (let i = 0; i < CODE_SYMBOLS; i++) {
    out += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return formatCode(out);
}

function formatCode(symbols: string): string {
  return symbols.match(/.{1,5}/g)!.join("-");
}

/** The canonical form of what a reader typed, or null when it cannot be a code. */
export function normalizeCode(input: string): string | null {
  if (typeof input !== "string" || input.length > 64) return null;
  const s = input.toUpperCase().replace(/[\s\-–—_]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (s.length !== CODE_SYMBOLS || [...s].some((c) => !ALPHABET.includes(c))) return null;
  return formatCode(s);
}
