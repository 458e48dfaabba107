import { revalidatePath } from "next/cache";
import { z } from "zod";
import { checkPurposeToken } from "@/lib/secret";
import { isIssueDate } from "@/lib/dates";
import { isPaperSlug } from "@/lib/slugs";

export const dynamic = "force-dynamic";

const Body = z.object({ paper: z.string().refine(isPaperSlug), date: z.string().refine(isIssueDate) });

/**
 * Rebuilds an issue's cached pages after a write made by another process (the `epaper` CLI).
 * Authorised by a token derived from the server secret, which only the server's host can read.
 */
export async function POST(request: Request) {
  const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? null;
  if (!checkPurposeToken("revalidate", token)) return Response.json({ error: "forbidden" }, { status: 403 });
  const parsed = Body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "expected {paper, date}" }, { status: 400 });
  const { paper, date } = parsed.data;
  // Everything: an issue's change also moves 上一期/下一期 links, the calendar and the home page.
  // Pages are rebuilt lazily on their next request, so this costs nothing up front.
  revalidatePath("/", "layout");
  return Response.json({ ok: true, paper, date });
}
