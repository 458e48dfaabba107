// Reading preferences that follow the account (care mode, font size, night mode …): the device
// keeps them in localStorage under "banmian:" keys; this stores a copy server-side.
// GET → {prefs, updatedAt} | null; PUT {prefs} replaces them.
import { z } from "zod";
import { getReaderPrefs, saveReaderPrefs } from "@/db/queries/reader-library";
import { readerOf } from "@/app/(auth)/reader-session";
import { parseBody, reply, signInFirst } from "../_lib/respond";

export const dynamic = "force-dynamic";

const Prefs = z.record(z.string().regex(/^banmian:[a-z0-9-]{1,40}$/), z.string().max(100))
  .refine((p) => Object.keys(p).length <= 20, "偏好设置过多");
const Body = z.object({ prefs: Prefs });

export async function GET(request: Request) {
  const reader = readerOf(request);
  if (!reader) return signInFirst();
  return reply(200, getReaderPrefs(reader.id));
}

export async function PUT(request: Request) {
  const body = await parseBody(request, Body);
  if (body instanceof Response) return body;
  const reader = readerOf(request);
  if (!reader) return signInFirst();
  return reply(200, saveReaderPrefs(reader.id, body.prefs));
}
