import { readerCookieHeader } from "@/app/(auth)/reader-session";
import { parseBody, reply } from "../_lib/respond";
import { Credentials, signInReader } from "../_lib/credentials";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const body = await parseBody(request, Credentials);
  if (body instanceof Response) return body;
  const r = await signInReader(body.email, body.password, request.headers);
  if (!r.ok) return reply(r.status, { error: r.error }, r.status === 429 ? { "retry-after": "30" } : {});
  return reply(200, { ok: true }, { "set-cookie": readerCookieHeader(r.token) });
}
