// A hint in localStorage that this browser has a reader session, so anonymous visitors (the
// many) never make the extra requests a signed-in reader's article page makes. The session
// itself is the httpOnly cookie; a stale hint costs one request answered 401, then is dropped.
export const READER_FLAG = "banmian:reader";

export function hasReaderFlag(): boolean {
  try { return localStorage.getItem(READER_FLAG) === "1"; } catch { return false; }
}

export function setReaderFlag(on: boolean) {
  try {
    if (on) localStorage.setItem(READER_FLAG, "1");
    else localStorage.removeItem(READER_FLAG);
  } catch { /* private mode: every page just asks */ }
}

/** Where the account pages send a reader back to after signing in. */
export function accountHref(path: "signin" | "signup", next: string): string {
  return `/account/${path}?next=${encodeURIComponent(next)}`;
}
