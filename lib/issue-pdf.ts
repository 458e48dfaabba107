// The whole issue as one PDF: the page PDFs joined in page order (pdfunite), built once per set
// of pages and kept in the media folder under a name derived from them, so a re-sent page makes
// a new file and two readers asking at once share one build.
import { createHash } from "node:crypto";
import { rename, stat } from "node:fs/promises";
import { join } from "node:path";
import { joinPdfs } from "./pdf-render";
import { MEDIA_NAME, mediaDir } from "./uploads";

/** The file behind a page's stored PDF URL (/media/… uploads, /demo/… the demo's), or null. */
export function pdfFileOf(url: string): string | null {
  const media = /^\/media\/([^/]+)$/.exec(url);
  if (media && MEDIA_NAME.test(media[1]) && media[1].endsWith(".pdf")) return join(mediaDir(), media[1]);
  const demo = /^\/demo\/([a-z0-9-]+\.pdf)$/.exec(url);
  if (demo) return join(process.cwd(), "public", "demo", demo[1]);
  return null;
}

const building = new Map<string, Promise<string>>();

/** The joined PDF of these page PDFs (URLs, in page order), built if needed; its path on disk. */
export async function issuePdfFile(pagePdfs: string[]): Promise<string | null> {
  const files = pagePdfs.map(pdfFileOf);
  if (files.length === 0 || files.some((f) => !f)) return null;
  const key = createHash("sha256").update(pagePdfs.join("\n")).digest("hex").slice(0, 32);
  const out = join(mediaDir(), `issue-${key}.pdf`);
  if ((await stat(out).catch(() => null))?.isFile()) return out;
  let job = building.get(key);
  if (!job) {
    job = (async () => {
      const tmp = `${out}.${process.pid}.tmp`;
      await joinPdfs(files as string[], tmp);
      await rename(tmp, out);
      return out;
    })().finally(() => building.delete(key));
    building.set(key, job);
  }
  return job;
}
