// GET: who is signed in (or null), their subscriptions and synced preferences. Never cached.
import { getReaderPrefs } from "@/db/queries/reader-library";
import { listSubscriptionsOfReader } from "@/db/queries/subscriptions";
import { readerOf } from "@/app/(auth)/reader-session";
import { reply } from "../_lib/respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const reader = readerOf(request);
  if (!reader) return reply(200, { reader: null });
  const now = new Date().toISOString();
  return reply(200, {
    reader: { email: reader.email },
    subscriptions: listSubscriptionsOfReader(reader.id).map((s) => ({
      paper: s.paperSlug, plan: s.plan, startsAt: s.startsAt, endsAt: s.endsAt,
      active: !s.revokedAt && s.startsAt <= now && s.endsAt > now,
    })),
    prefs: getReaderPrefs(reader.id),
  });
}
