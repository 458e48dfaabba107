// Which failures mean "the disk or the database cannot take a write right now", so callers can
// answer 507/503 with a message instead of a generic 500 (or, at sign-in, "wrong password").

const FULL = new Set(["SQLITE_FULL", "ENOSPC", "EDQUOT"]);
const BUSY = new Set(["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_LOCKED", "SQLITE_BUSY_TIMEOUT"]);

/** "full" for no space left, "busy" for a write lock held elsewhere; null for anything else. */
export function storageFailure(e: unknown): "full" | "busy" | null {
  for (let cur = e as { code?: unknown; cause?: unknown } | undefined, depth = 0; cur && depth < 5; cur = cur.cause as typeof cur, depth++) {
    const code = typeof cur.code === "string" ? cur.code : "";
    // A write that fails for lack of space may surface as an I/O error (SQLITE_IOERR_WRITE …).
    if (FULL.has(code) || code.startsWith("SQLITE_IOERR")) return "full";
    if (BUSY.has(code)) return "busy";
  }
  return null;
}

export const STORAGE_MESSAGES = {
  full: "服务器存储空间不足，暂时无法保存；请稍后再试，或联系管理员清理磁盘",
  busy: "服务器正忙，暂时无法保存；请几秒后重试",
} as const;
