import { z } from "zod";
import { deleteReaderSession } from "@/db/queries/readers";
import { clearReaderCookieHeader, readerTokenOf } from "@/app/(auth)/reader-session";
import { parseBody, reply } from "../_lib/respond";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const body = await parseBody(request, z.unknown());
  if (body instanceof Response) return body;
  const token = readerTokenOf(request);
  if (token) deleteReaderSession(token);
  return reply(200, { ok: true }, { "set-cookie": clearReaderCookieHeader() });
}
