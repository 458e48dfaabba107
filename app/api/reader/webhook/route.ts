// POST /api/reader/webhook: where a payment provider, once one is chosen, grants a subscription.
// Off unless READER_WEBHOOK_SECRET is set. The body must be signed (lib/webhook-signature.ts):
//   {"id":"evt_…","type":"subscription.grant","email":"reader@example.com","paper":"linlan","plan":"月度","days":31}
// The reader must already have an account (the provider's checkout would be started from it).
import { z } from "zod";
import { getPaperBySlug } from "@/db/queries/papers";
import { getReaderByEmail } from "@/db/queries/readers";
import { grantFromPaymentEvent } from "@/db/queries/subscriptions";
import { SIGNATURE_HEADER, verifyWebhook } from "@/lib/webhook-signature";
import { reply } from "../_lib/respond";

export const dynamic = "force-dynamic";

const Event = z.object({
  id: z.string().min(1).max(200),
  type: z.literal("subscription.grant"),
  email: z.string().trim().toLowerCase().email().max(254),
  paper: z.string().max(100),
  plan: z.string().trim().min(1).max(60),
  days: z.number().int().min(1).max(3660),
});

export async function POST(request: Request) {
  const secret = process.env.READER_WEBHOOK_SECRET;
  if (!secret) return reply(404, { error: "not found" });
  const body = await request.text();
  if (body.length > 16 * 1024) return reply(413, { error: "too large" });
  if (!verifyWebhook(secret, body, request.headers.get(SIGNATURE_HEADER), Math.floor(Date.now() / 1000))) {
    return reply(401, { error: "bad signature" });
  }
  let json: unknown = null;
  try { json = JSON.parse(body); } catch { /* answered below */ }
  const event = Event.safeParse(json);
  if (!event.success) return reply(400, { error: "unexpected event" });
  const reader = getReaderByEmail(event.data.email);
  const paper = getPaperBySlug(event.data.paper);
  if (!reader || !paper) return reply(422, { error: "unknown reader or paper" });
  const { subscription, duplicate } = grantFromPaymentEvent({
    eventId: event.data.id, readerId: reader.id, paperId: paper.id, plan: event.data.plan, days: event.data.days,
  });
  return reply(200, { ok: true, duplicate, endsAt: subscription.endsAt });
}
