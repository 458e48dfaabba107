// The client's network address, for per-address sign-in throttling.
// The server (scripts/serve.ts) overwrites this header with the socket's address, or, behind a
// proxy we were told to trust (TRUST_PROXY_HOPS), with the address that proxy saw; a value a
// client sends itself never survives, so forging X-Forwarded-For cannot reset a lockout.
export const CLIENT_ADDRESS_HEADER = "x-banmian-client-address";

export function clientAddress(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) || "unknown";
}

/** Picks the address from X-Forwarded-For as seen by the outermost of `hops` trusted proxies. */
export function addressFromForwarded(socketAddress: string | undefined, forwardedFor: string | undefined, hops: number): string {
  const socket = socketAddress || "unknown";
  if (hops <= 0 || !forwardedFor) return socket;
  const chain = forwardedFor.split(",").map((s) => s.trim()).filter(Boolean);
  // Each trusted proxy appended what it saw; the entry `hops` from the right is the client.
  return chain[chain.length - hops] ?? chain[0] ?? socket;
}
