// Upload of one page scan or PDF: POST the file's bytes as the body, with the issue and page in
// the query (?paper=&date=&label=). The client component sends files one by one so each shows
// its own progress. Not a server action: those are limited to 1 MB bodies.
import { revalidatePath } from "next/cache";
import { authorizeRequest } from "@/app/(auth)/guards";
import { getIssueWithPaperForEdit } from "@/db/queries/edit-issues";
import { attachPageUpload, getMediaOwnerStatus, listReferencedMedia } from "@/db/queries/edit-pages";
import { MAX_UPLOAD_BYTES, deleteMedia, mediaUrl, storePageUpload, sweepOrphanMedia } from "@/lib/uploads";
import { STORAGE_MESSAGES, storageFailure } from "@/lib/storage-errors";
import { AppError, publicMessage, statusOf } from "@/lib/errors";
import { isIssueDate } from "@/lib/dates";
import { normalizeLabel } from "@/lib/labels";
import { isPaperSlug } from "@/lib/slugs";
import { SECURITY_HEADERS } from "@/lib/security-headers";
import { readLimited } from "./read-limited";

export const dynamic = "force-dynamic";

// This route is outside the proxy's matcher (the proxy would buffer and cut large bodies), so it
// sets the security headers itself.
const reply = (body: unknown, status = 200) => Response.json(body, { status, headers: { ...SECURITY_HEADERS, "cache-control": "no-store" } });

export async function POST(request: Request) {
  const actor = await authorizeRequest(request);
  if (actor instanceof Response) return actor;
  const url = new URL(request.url);
  const paper = url.searchParams.get("paper") ?? "";
  const date = url.searchParams.get("date") ?? "";
  const label = normalizeLabel(url.searchParams.get("label"));
  if (!isPaperSlug(paper) || !isIssueDate(date)) return reply({ error: "没有这一期" }, 404);
  if (!label) return reply({ error: "无法确定版次：请选择版面，或把文件命名为 01.pdf、3.png 这样的形式" }, 400);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES) return reply({ error: "文件过大（图片上限 30 MB，PDF 上限 50 MB）" }, 413);
  const bytes = await readLimited(request, MAX_UPLOAD_BYTES);
  if (!bytes) return reply({ error: "文件过大（图片上限 30 MB，PDF 上限 50 MB）" }, 413);
  if (bytes.length === 0) return reply({ error: "文件是空的" }, 400);

  const issue = getIssueWithPaperForEdit(paper, date);
  if (!issue) return reply({ error: "没有这一期" }, 404);
  let storedUrls: string[] = [];
  try {
    const stored = await storePageUpload(bytes);
    const who = { id: actor.user.id, email: actor.user.email };
    const target = `${paper}/${date}`;
    const image = { path: mediaUrl(stored.image.name), width: stored.image.width, height: stored.image.height };
    storedUrls = [image.path, ...(stored.pdf ? [mediaUrl(stored.pdf)] : [])];
    const { replaced } = attachPageUpload({ issueId: issue.id, target, label, image, pdfPath: stored.pdf ? mediaUrl(stored.pdf) : null }, who);
    storedUrls = [];
    if (issue.status === "published") revalidatePath("/", "layout");
    await deleteMedia(replaced.filter((p) => getMediaOwnerStatus(p) === null));
    void sweepNow();
    return reply({ ok: true, label, image, pdf: stored.pdf ? mediaUrl(stored.pdf) : null });
  } catch (e) {
    // Stored but not recorded: nothing may be left behind.
    await deleteMedia(storedUrls);
    return uploadFailure(e);
  }
}

/** The answer for each way an upload fails; only the unforeseen is a 500. */
function uploadFailure(e: unknown): Response {
  const storage = storageFailure(e);
  if (storage === "full") return reply({ error: STORAGE_MESSAGES.full }, 507);
  if (storage === "busy") return Response.json({ error: STORAGE_MESSAGES.busy }, { status: 503, headers: { ...SECURITY_HEADERS, "retry-after": "2" } });
  if (e instanceof AppError) return reply({ error: publicMessage(e) }, statusOf(e));
  console.error("[admin] upload failed", e);
  return reply({ error: "上传失败，请重试" }, 500);
}

// Files left by an interrupted replacement or a crash: swept at most once an hour, after an upload.
let lastSweep = 0;
async function sweepNow() {
  if (Date.now() - lastSweep < 60 * 60_000) return;
  lastSweep = Date.now();
  try {
    await sweepOrphanMedia(listReferencedMedia());
  } catch (e) {
    console.error("[admin] media sweep failed", e);
  }
}
