// Tells a running server that an issue changed, so cached pages are rebuilt at once.
// Published pages are cached by the server; a CLI write happens in another process.
import { purposeToken } from "../lib/secret";

export async function requestRevalidation({ paper, date }: { paper: string; date: string }): Promise<boolean> {
  const origin = process.env.EPAPER_SERVER_URL || `http://127.0.0.1:${process.env.PORT || 3000}`;
  try {
    const res = await fetch(`${origin}/api/revalidate`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${purposeToken("revalidate")}` },
      body: JSON.stringify({ paper, date }),
      signal: AbortSignal.timeout(1500),
    });
    return res.ok;
  } catch {
    // No server running: nothing is cached, nothing to do. Time-based revalidation covers the rest.
    return false;
  }
}
