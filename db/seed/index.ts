// The demo paper 临澜日报: three consecutive published issues of an invented city,
// seeded into an empty database by `npm start` (unless EPAPER_DEMO=0).
import { sql } from "drizzle-orm";
import { writeTx, type Db } from "../client";
import { importIssueInTx, type ImportSummary } from "../queries/imports";
import { papers } from "../schema";
import { issue as issue1124 } from "./issue-2026-11-24";
import { issue as issue1125 } from "./issue-2026-11-25";
import { issue as issue1126 } from "./issue-2026-11-26";

export const DEMO_ISSUES = [issue1124, issue1125, issue1126];

export function isEmpty(db: Db): boolean {
  return (db.select({ n: sql<number>`count(*)` }).from(papers).get()?.n ?? 0) === 0;
}

/** Seeds the demo paper; returns one import summary per issue. */
export function seedDemo(db: Db): ImportSummary[] {
  return writeTx(db, (tx) => DEMO_ISSUES.map((issue) => importIssueInTx(tx, issue)));
}
