// The demo editor's password is printed in the README, so the account is a door anyone can open.
// It may exist and sign in only where no other machine can reach it, unless the operator asks
// for it in so many words (EPAPER_DEMO_EDITOR=1); never on a public AUTH_URL.

export const DEMO_EDITOR = { email: "editor@linlan.example", password: "linlan-demo-2026", name: "演示编辑" };

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost", "[::1]"]);

export function isLoopbackHost(host: string | undefined): boolean {
  return !!host && (LOOPBACK.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host));
}

/** True when AUTH_URL names an origin other than this machine. */
export function isPublicOrigin(authUrl: string | undefined): boolean {
  if (!authUrl) return false;
  try {
    return !isLoopbackHost(new URL(authUrl).hostname);
  } catch {
    return true;
  }
}

export type DemoEditorDecision = { allowed: boolean; reason: string };

/** Whether the demo editor may exist and sign in, given the server's environment. */
export function demoEditorDecision(env: Record<string, string | undefined> = process.env): DemoEditorDecision {
  if (isPublicOrigin(env.AUTH_URL)) return { allowed: false, reason: "AUTH_URL is a public origin" };
  if (env.EPAPER_DEMO_EDITOR === "0") return { allowed: false, reason: "EPAPER_DEMO_EDITOR=0" };
  if (env.EPAPER_DEMO_EDITOR === "1") return { allowed: true, reason: "EPAPER_DEMO_EDITOR=1" };
  // serve.ts listens on LISTEN_HOST, 0.0.0.0 by default: every interface.
  if (isLoopbackHost(env.LISTEN_HOST)) return { allowed: true, reason: "the server listens on loopback only" };
  return { allowed: false, reason: "the server listens on every interface (set LISTEN_HOST=127.0.0.1 or EPAPER_DEMO_EDITOR=1 to have it)" };
}
