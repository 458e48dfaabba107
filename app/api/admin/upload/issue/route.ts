// One file of an issue drop: POST a PDF's bytes (one page, or the whole issue) with the issue in
// the query (?paper=&date=&name=FILE[&start=N]). The answer streams one JSON line per step, so
// the back office shows each page's progress (read, render, link) and then its result; a bad
// file gets its error line and writes nothing, and the drop's other files are sent on their own.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeRequest } from "@/app/(auth)/guards";
import { getIssueWithPaperForEdit } from "@/db/queries/edit-issues";
import { importPagesForEdit } from "@/db/queries/imports";
import { MAX_PDF_BYTES, MAX_PDF_LABEL, PdfFileError, preparePdfFiles } from "@/lib/pdf-import";
import { isIssueDate } from "@/lib/dates";
import { isPaperSlug } from "@/lib/slugs";
import { SECURITY_HEADERS } from "@/lib/security-headers";
import { readLimited } from "../read-limited";

export const dynamic = "force-dynamic";

const headers = { ...SECURITY_HEADERS, "cache-control": "no-store" };
const reply = (body: unknown, status: number) => Response.json(body, { status, headers });

const Query = z.object({
  paper: z.string().refine(isPaperSlug), date: z.string().refine(isIssueDate),
  name: z.string().min(1).max(200), start: z.coerce.number().int().min(1).max(999).default(1),
});

export async function POST(request: Request) {
  const actor = await authorizeRequest(request);
  if (actor instanceof Response) return actor;
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return reply({ error: "没有这一期" }, 404);
  const { paper, date, name, start } = query.data;
  const tooLarge = { error: `${name}：文件过大（PDF 上限 ${MAX_PDF_LABEL}）` };
  if (Number(request.headers.get("content-length") ?? 0) > MAX_PDF_BYTES) return reply(tooLarge, 413);
  const issue = getIssueWithPaperForEdit(paper, date);
  if (!issue) return reply({ error: "没有这一期" }, 404);
  const bytes = await readLimited(request, MAX_PDF_BYTES);
  if (!bytes) return reply(tooLarge, 413);

  const who = { id: actor.user.id, email: actor.user.email };
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(JSON.stringify(line) + "\n"));
      try {
        const { pages, failed } = await preparePdfFiles([{ name, bytes }], {
          start, onProgress: (e) => send({ page: e.index, label: e.label, stage: e.stage }),
        });
        for (const f of failed) send({ error: f.message, code: f.code });
        for (const p of pages) {
          send({ page: p.index, label: p.input.label, stage: "link" });
          const summary = importPagesForEdit({ issueId: issue.id, paperSlug: paper, date, pages: [p.input] }, who);
          const result = summary.pages[0];
          send({ page: p.index, label: result.label, stage: "done", result: {
            pieces: result.pieces, textLayer: result.textLayer, doubts: result.doubts, changes: result.changes,
            jumps: summary.jumps.linked.filter((l) => l.from === result.label || l.to === result.label).length,
            replaced: result.replaced,
          } });
        }
        if (pages.length && issue.status === "published") revalidatePath("/", "layout");
      } catch (e) {
        console.error("[admin] issue import failed", e);
        send({ error: e instanceof PdfFileError ? e.message : `${name}：导入失败，请重试` });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(body, { status: 200, headers: { ...headers, "content-type": "application/x-ndjson; charset=utf-8" } });
}
