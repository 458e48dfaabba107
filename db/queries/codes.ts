// Activation codes for print subscribers: an admin (or the CLI) makes a batch; a reader redeems
// one code once. Redemption is one IMMEDIATE transaction whose conditional UPDATE … WHERE used_at
// IS NULL is the only way a code becomes used, so parallel redemptions of one code, from any
// number of connections or processes, grant exactly once.
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb, writeTx, type Db } from "../client";
import { activationCodes, codeBatches, papers } from "../schema";
import { generateCode } from "../../lib/activation-codes";
import { addDaysOfAccess, type SubscriptionView } from "./subscriptions";
import { recordAudit } from "./audit";

type Actor = { id: number; email: string } | null;

export const MAX_BATCH = 10_000;
export const MAX_CODE_DAYS = 3660;

export type BatchView = {
  id: number; paperId: number; paperSlug: string; plan: string; days: number; count: number;
  redeemBy: string; createdBy: string | null; createdAt: string; used: number;
};

export function createCodeBatch(
  { paperId, plan, days, count, redeemBy }: { paperId: number; plan: string; days: number; count: number; redeemBy: string },
  actor: Actor, db: Db = getDb(),
): { batchId: number; codes: string[] } {
  if (!Number.isInteger(count) || count < 1 || count > MAX_BATCH) throw new RangeError(`count must be 1–${MAX_BATCH}`);
  if (!Number.isInteger(days) || days < 1 || days > MAX_CODE_DAYS) throw new RangeError(`days must be 1–${MAX_CODE_DAYS}`);
  return writeTx(db, (tx) => {
    const { id } = tx.insert(codeBatches).values({ paperId, plan, days, count, redeemBy, createdBy: actor?.email ?? null })
      .returning({ id: codeBatches.id }).get();
    const codes: string[] = [];
    const seen = new Set<string>();
    while (codes.length < count) {
      const code = generateCode();
      // 100 random bits never collide in practice; the unique index would refuse it anyway.
      if (seen.has(code)) continue;
      seen.add(code);
      codes.push(code);
    }
    for (let i = 0; i < codes.length; i += 500) {
      tx.insert(activationCodes).values(codes.slice(i, i + 500).map((code) => ({ batchId: id, code }))).run();
    }
    recordAudit(tx, actor, { action: "codes.create", target: `batch:${id}`, detail: { paper: paperId, plan, days, count, redeemBy } });
    return { batchId: id, codes };
  });
}

export function listCodeBatches(db: Db = getDb()): BatchView[] {
  return db.select({
    id: codeBatches.id, paperId: codeBatches.paperId, paperSlug: papers.slug, plan: codeBatches.plan, days: codeBatches.days,
    count: codeBatches.count, redeemBy: codeBatches.redeemBy, createdBy: codeBatches.createdBy, createdAt: codeBatches.createdAt,
    used: sql<number>`(select count(*) from activation_codes c where c.batch_id = ${codeBatches.id} and c.used_at is not null)`,
  }).from(codeBatches).innerJoin(papers, eq(papers.id, codeBatches.paperId)).orderBy(desc(codeBatches.id)).all();
}

/** A batch's codes for its CSV; admins only (the caller checks). */
export function listCodesOfBatch(batchId: number, db: Db = getDb()) {
  return db.select({ code: activationCodes.code, usedAt: activationCodes.usedAt }).from(activationCodes)
    .where(eq(activationCodes.batchId, batchId)).orderBy(asc(activationCodes.id)).all();
}

export function getCodeBatch(batchId: number, db: Db = getDb()): BatchView | null {
  return listCodeBatches(db).find((b) => b.id === batchId) ?? null;
}

export type RedeemResult =
  | { ok: true; subscription: SubscriptionView }
  | { ok: false; reason: "unknown" | "used" | "expired" };

/** Redeems a canonical code for a reader. Anything but success changes nothing. */
export function redeemCode({ code, readerId, now = new Date() }: { code: string; readerId: number; now?: Date }, db: Db = getDb()): RedeemResult {
  return writeTx(db, (tx): RedeemResult => {
    const row = tx.select({
      id: activationCodes.id, usedAt: activationCodes.usedAt, batchId: codeBatches.id, paperId: codeBatches.paperId,
      plan: codeBatches.plan, days: codeBatches.days, redeemBy: codeBatches.redeemBy,
    }).from(activationCodes).innerJoin(codeBatches, eq(codeBatches.id, activationCodes.batchId))
      .where(eq(activationCodes.code, code)).get();
    if (!row) return { ok: false, reason: "unknown" };
    if (row.usedAt) return { ok: false, reason: "used" };
    if (row.redeemBy <= now.toISOString()) return { ok: false, reason: "expired" };
    const claimed = tx.update(activationCodes).set({ usedAt: now.toISOString(), usedBy: readerId })
      .where(and(eq(activationCodes.id, row.id), isNull(activationCodes.usedAt))).run();
    if (claimed.changes !== 1) return { ok: false, reason: "used" };
    const subscription = addDaysOfAccess(tx, {
      readerId, paperId: row.paperId, plan: row.plan, days: row.days, source: "code", sourceRef: `code:${row.id}`,
    }, null, now, { batch: row.batchId });
    return { ok: true, subscription };
  });
}
