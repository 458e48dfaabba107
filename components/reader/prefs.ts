// The reader's device preferences: kept in localStorage, shown as classes and a custom property on
// <html> (set before paint by public/prefs.js), so cached pages are the same for everyone.
export const PREF_KEYS = {
  care: "banmian:care",
  theme: "banmian:theme",
  script: "banmian:script",
} as const;

export type Theme = "night" | "day";

export function savePref(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private mode or storage full: the choice still applies to this page.
  }
}

/** Night as the reader sees it now: their explicit choice, else the system's. */
export function isNight(): boolean {
  const c = document.documentElement.classList;
  if (c.contains("night")) return true;
  if (c.contains("day")) return false;
  return window.matchMedia("(prefers-color-scheme: dark)").matches;
}
