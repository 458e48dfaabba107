// Signatures of the payment webhook (POST /api/reader/webhook). No payment provider is wired in;
// whichever is added later posts (or is adapted to post) events signed this way:
//   X-Banmian-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
// The timestamp bounds replays to a few minutes; event ids make a redelivery grant nothing twice.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-banmian-signature";
export const TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, body: string, t: number): string {
  const v1 = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
  return `t=${t},v1=${v1}`;
}

export function verifyWebhook(secret: string, body: string, header: string | null, nowSeconds: number): boolean {
  if (!secret || !header || header.length > 500) return false;
  const parts = Object.fromEntries(header.split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > TOLERANCE_SECONDS || !/^[0-9a-f]{64}$/.test(parts.v1 ?? "")) return false;
  const expected = Buffer.from(signWebhook(secret, body, t).split("v1=")[1], "hex");
  return timingSafeEqual(expected, Buffer.from(parts.v1, "hex"));
}
