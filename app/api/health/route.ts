import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

export const dynamic = "force-dynamic";

/** 200 {"ok":true} once the database is open and migrated (docs/contracts.md: HTTP). */
export function GET() {
  try {
    getDb().get(sql`select 1 from papers limit 1`);
    return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    console.error("health check failed", e);
    return Response.json({ ok: false }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
