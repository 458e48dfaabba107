// The audit log: who did what, written in the transaction of the change it describes.
import { desc } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { auditLog } from "../schema";

export type AuditEntry = { action: string; target?: string | null; detail?: Record<string, unknown> | null };

/** Records who did what. Call inside the same transaction as the change it describes. */
export function recordAudit(tx: Db, user: { id: number; email: string } | null, entry: AuditEntry) {
  tx.insert(auditLog).values({
    userId: user?.id ?? null, userEmail: user?.email ?? null,
    action: entry.action, target: entry.target ?? null, detail: entry.detail ?? null,
  }).run();
}

export function listAudit({ limit = 200, offset = 0 }: { limit?: number; offset?: number } = {}, db: Db = getDb()) {
  return db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).offset(offset).all();
}
