// Reading preferences follow the account: the device keeps them in localStorage under
// "banmian:" keys (font size, care mode, night mode …, whatever the reader UI stores there);
// the account keeps a copy (/api/reader/prefs). On sign-in the account's copy wins when it has
// one; otherwise the device's is saved to the account.
import { READER_FLAG } from "./reader-flag";

const KEY = /^banmian:[a-z0-9-]{1,40}$/;

export function localPrefs(): Record<string, string> {
  const out: Record<string, string> = {};
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      const v = localStorage.getItem(k);
      if (KEY.test(k) && k !== READER_FLAG && v !== null && v.length <= 100) out[k] = v;
    }
  } catch { /* no storage */ }
  return out;
}

export async function pushPrefs(): Promise<boolean> {
  const res = await fetch("/api/reader/prefs", {
    method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ prefs: localPrefs() }),
  }).catch(() => null);
  return !!res?.ok;
}

export async function syncPrefsOnSignIn(): Promise<void> {
  const res = await fetch("/api/reader/prefs", { cache: "no-store" }).catch(() => null);
  if (!res?.ok) return;
  const saved = (await res.json().catch(() => null)) as { prefs: Record<string, string> } | null;
  if (saved?.prefs && Object.keys(saved.prefs).length > 0) {
    try {
      for (const [k, v] of Object.entries(saved.prefs)) if (KEY.test(k) && k !== READER_FLAG) localStorage.setItem(k, v);
    } catch { /* no storage */ }
  } else {
    await pushPrefs();
  }
}
