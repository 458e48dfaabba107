// JSON responses of the public read API: cacheable by shared caches for a minute (served stale
// for ten while refreshing), with an ETag so a client that has the body gets a 304.
import "server-only";
import { createHash } from "node:crypto";
import { AppError, type ErrorCode, publicMessage, statusOf } from "@/lib/errors";
import { etagMatches } from "@/server/etag";

export const CACHE_CONTROL = "public, s-maxage=60, stale-while-revalidate=600";

const baseHeaders = {
  "content-type": "application/json; charset=utf-8",
  // Read-only public data: any site may read it.
  "access-control-allow-origin": "*",
};

function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

export function jsonOk(request: Request, data: unknown): Response {
  const body = JSON.stringify(data);
  const etag = etagOf(body);
  const headers = { ...baseHeaders, "cache-control": CACHE_CONTROL, etag };
  if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}

// The API's own names for the error codes of lib/errors.ts ("invalid" is its "bad_request").
export type ApiErrorCode = "bad_request" | Exclude<ErrorCode, "invalid">;

export function jsonError(status: number, code: ApiErrorCode, message: string): Response {
  // Not cached: an issue that is a 404 now may be published a minute from now.
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { ...baseHeaders, "cache-control": "no-store" },
  });
}

export const notFound = (what: string) => jsonError(404, "not_found", `${what} not found`);
export const badRequest = (message: string) => jsonError(400, "bad_request", message);

/**
 * Runs a handler. An expected failure (AppError) is answered with its status, code and message;
 * anything else is logged and answered as a plain 500, without details.
 */
export async function handle(route: string, fn: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError) return jsonError(statusOf(e), e.code === "invalid" ? "bad_request" : e.code, publicMessage(e));
    console.error(`api ${route} failed`, e);
    return jsonError(500, "internal", "internal error");
  }
}
