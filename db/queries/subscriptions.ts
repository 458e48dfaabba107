// Subscriptions: periods of access to a paper, granted by an admin, an activation code or (later)
// a verified payment webhook. Every change is audited in the same transaction.
import { and, desc, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { AppError } from "../../lib/errors";
import { getDb, writeTx, type Db } from "../client";
import { papers, readers, subscriptions, type SubscriptionSource } from "../schema";
import { recordAudit } from "./audit";

export type SubscriptionView = {
  id: number; readerId: number; paperId: number; paperSlug: string; plan: string;
  startsAt: string; endsAt: string; source: SubscriptionSource; revokedAt: string | null;
};

type Actor = { id: number; email: string } | null;

const columns = {
  id: subscriptions.id, readerId: subscriptions.readerId, paperId: subscriptions.paperId, paperSlug: papers.slug,
  plan: subscriptions.plan, startsAt: subscriptions.startsAt, endsAt: subscriptions.endsAt,
  source: subscriptions.source, revokedAt: subscriptions.revokedAt,
};

export class SubscriptionNotFoundError extends AppError {
  constructor(message: string) { super("not_found", message); }
}

/** True when the reader holds a live, unrevoked subscription to the paper at `now`. */
export function hasActiveSubscription(readerId: number, paperId: number, now = new Date(), db: Db = getDb()): boolean {
  const t = now.toISOString();
  return !!db.select({ id: subscriptions.id }).from(subscriptions).where(and(
    eq(subscriptions.readerId, readerId), eq(subscriptions.paperId, paperId), isNull(subscriptions.revokedAt),
    lte(subscriptions.startsAt, t), gt(subscriptions.endsAt, t),
  )).limit(1).get();
}

export function listSubscriptionsOfReader(readerId: number, db: Db = getDb()): SubscriptionView[] {
  return db.select(columns).from(subscriptions).innerJoin(papers, eq(papers.id, subscriptions.paperId))
    .where(eq(subscriptions.readerId, readerId)).orderBy(desc(subscriptions.endsAt)).all();
}

export function getSubscription(id: number, db: Db = getDb()): SubscriptionView | null {
  return db.select(columns).from(subscriptions).innerJoin(papers, eq(papers.id, subscriptions.paperId))
    .where(eq(subscriptions.id, id)).get() ?? null;
}

export type Grant = {
  readerId: number; paperId: number; plan: string; startsAt: string; endsAt: string;
  source: SubscriptionSource; sourceRef?: string | null;
};

/** Inserts a period inside the caller's transaction and audits it. */
export function insertSubscription(tx: Db, grant: Grant, actor: Actor, audit: Record<string, unknown> = {}): SubscriptionView {
  if (!(grant.endsAt > grant.startsAt)) throw new RangeError("a subscription must end after it starts");
  const { id } = tx.insert(subscriptions).values({ ...grant, sourceRef: grant.sourceRef ?? null }).returning({ id: subscriptions.id }).get();
  recordAudit(tx, actor, {
    action: `subscription.grant`, target: `reader:${grant.readerId}`,
    detail: { subscription: id, paper: grant.paperId, plan: grant.plan, startsAt: grant.startsAt, endsAt: grant.endsAt, source: grant.source, ...audit },
  });
  return getSubscription(id, tx)!;
}

/** When `days` more of access would start: now, or the end of the reader's latest live period. */
export function nextStart(tx: Db, readerId: number, paperId: number, now: Date): Date {
  const t = now.toISOString();
  const last = tx.select({ end: sql<string | null>`max(${subscriptions.endsAt})` }).from(subscriptions).where(and(
    eq(subscriptions.readerId, readerId), eq(subscriptions.paperId, paperId), isNull(subscriptions.revokedAt), gt(subscriptions.endsAt, t),
  )).get()?.end;
  return last ? new Date(last) : now;
}

/** Adds `days` of access after whatever the reader already has (codes, webhooks). */
export function addDaysOfAccess(
  tx: Db, g: { readerId: number; paperId: number; plan: string; days: number; source: SubscriptionSource; sourceRef?: string | null },
  actor: Actor, now: Date, audit: Record<string, unknown> = {},
): SubscriptionView {
  const start = nextStart(tx, g.readerId, g.paperId, now);
  const end = new Date(start.getTime() + g.days * 86_400_000);
  return insertSubscription(tx, {
    readerId: g.readerId, paperId: g.paperId, plan: g.plan, startsAt: start.toISOString(), endsAt: end.toISOString(),
    source: g.source, sourceRef: g.sourceRef,
  }, actor, audit);
}

/** An admin's grant. */
export function grantSubscription(grant: Omit<Grant, "source">, actor: Actor, db: Db = getDb()): SubscriptionView {
  return writeTx(db, (tx) => {
    if (!tx.select({ id: readers.id }).from(readers).where(eq(readers.id, grant.readerId)).get()) {
      throw new SubscriptionNotFoundError("no such reader");
    }
    return insertSubscription(tx, { ...grant, source: "admin" }, actor);
  });
}

/** Moves a period's end (later to extend, earlier to shorten). */
export function setSubscriptionEnd(id: number, endsAt: string, actor: Actor, db: Db = getDb()): SubscriptionView {
  return writeTx(db, (tx) => {
    const sub = getSubscription(id, tx);
    if (!sub) throw new SubscriptionNotFoundError("no such subscription");
    if (!(endsAt > sub.startsAt)) throw new RangeError("a subscription must end after it starts");
    tx.update(subscriptions).set({ endsAt }).where(eq(subscriptions.id, id)).run();
    recordAudit(tx, actor, { action: "subscription.extend", target: `reader:${sub.readerId}`, detail: { subscription: id, from: sub.endsAt, to: endsAt } });
    return getSubscription(id, tx)!;
  });
}

export function revokeSubscription(id: number, actor: Actor, now = new Date(), db: Db = getDb()): SubscriptionView {
  return writeTx(db, (tx) => {
    const sub = getSubscription(id, tx);
    if (!sub) throw new SubscriptionNotFoundError("no such subscription");
    if (!sub.revokedAt) {
      tx.update(subscriptions).set({ revokedAt: now.toISOString() }).where(eq(subscriptions.id, id)).run();
      recordAudit(tx, actor, { action: "subscription.revoke", target: `reader:${sub.readerId}`, detail: { subscription: id } });
    }
    return getSubscription(id, tx)!;
  });
}

/**
 * A verified payment event's grant: `days` more of access. The event id is the period's
 * source_ref, so a redelivered event returns the period it already granted.
 */
export function grantFromPaymentEvent(
  e: { eventId: string; readerId: number; paperId: number; plan: string; days: number }, now = new Date(), db: Db = getDb(),
): { subscription: SubscriptionView; duplicate: boolean } {
  return writeTx(db, (tx) => {
    const seen = tx.select({ id: subscriptions.id }).from(subscriptions)
      .where(and(eq(subscriptions.source, "webhook"), eq(subscriptions.sourceRef, e.eventId))).get();
    if (seen) return { subscription: getSubscription(seen.id, tx)!, duplicate: true };
    const subscription = addDaysOfAccess(tx, {
      readerId: e.readerId, paperId: e.paperId, plan: e.plan, days: e.days, source: "webhook", sourceRef: e.eventId,
    }, null, now, { event: e.eventId });
    return { subscription, duplicate: false };
  });
}
