// Poppler's tools (Debian: poppler-utils) on PDFs in a private temporary folder, each with a
// time limit so a hostile PDF cannot hold the server: pdftoppm renders a page, pdfseparate cuts
// a multi-page PDF into pages, pdfunite joins page PDFs into the whole issue. The rendered long
// side is fixed at 3300 px (a broadsheet at about 150 dpi) rather than a resolution, so a PDF
// with a giant page size cannot make pdftoppm allocate a bitmap of gigabytes; zones are page
// fractions, so they match the image whatever its size. A page with bleed is rendered inside its
// trim box only, as it was read (lib/pdf/poppler.ts).
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A PDF that could not be rendered; its message is fit to show the editor. */
export class PdfRenderError extends Error {}

const TIMEOUT_MS = 60_000;
export const RENDER_LONG_SIDE = 3300;

const MISSING = "服务器未安装 poppler-utils（pdftoppm、pdfunite），无法处理 PDF；请联系管理员安装，或上传版面图片";

function run(tool: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { cwd, timeout: TIMEOUT_MS, maxBuffer: 1024 * 1024 }, (error) => {
      if (!error) return resolve();
      if ((error as NodeJS.ErrnoException).code === "ENOENT") reject(new PdfRenderError(MISSING));
      else reject(new PdfRenderError("PDF 无法渲染，文件可能已损坏"));
    });
  });
}

async function inTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "banmian-pdf-"));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A rendered page: 8-bit RGB pixels, row by row, as sharp takes raw input. */
export type RawImage = { data: Buffer; width: number; height: number; channels: 3 };

/** Reads a binary PPM (P6, maxval 255), which pdftoppm writes fastest: no compression at all. */
export function parsePpm(ppm: Buffer): RawImage {
  const head = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 64).toString("latin1"));
  if (!head) throw new PdfRenderError("PDF 无法渲染，文件可能已损坏");
  const width = Number(head[1]), height = Number(head[2]);
  const data = ppm.subarray(head[0].length);
  if (data.length !== width * height * 3) throw new PdfRenderError("PDF 无法渲染，文件可能已损坏");
  return { data, width, height, channels: 3 };
}

/** A part of the page in points from its top-left corner: the trim box of a page with bleed. */
export type RenderArea = { x: number; y: number; w: number; h: number };

/** pdftoppm's arguments for the whole page, or for `area` alone at the same long side. */
export function renderArgs(area: RenderArea | null | undefined): string[] {
  if (!area) return ["-scale-to", String(RENDER_LONG_SIDE)];
  const dpi = (RENDER_LONG_SIDE * 72) / Math.max(area.w, area.h);
  const px = (pt: number) => String(Math.round((pt * dpi) / 72));
  return ["-r", dpi.toFixed(4), "-x", px(area.x), "-y", px(area.y), "-W", px(area.w), "-H", px(area.h)];
}

/** Renders page `n` (1-based) of a PDF, or only `area` of it (the trim box: no marks, no slug). */
export async function renderPdfPage(pdf: Uint8Array, n = 1, area?: RenderArea | null): Promise<RawImage> {
  return inTempDir(async (dir) => {
    await writeFile(join(dir, "in.pdf"), pdf);
    await run("pdftoppm", [...renderArgs(area), "-singlefile", "-f", String(n), "-l", String(n), "in.pdf", "out"], dir);
    return parsePpm(await readFile(join(dir, "out.ppm")));
  });
}

/** The page PDFs one PDF holds, in order (a one-page PDF comes back as itself). */
export async function splitPdfPages(pdf: Uint8Array, pageCount: number): Promise<Uint8Array[]> {
  if (pageCount <= 1) return [pdf];
  return inTempDir(async (dir) => {
    await writeFile(join(dir, "in.pdf"), pdf);
    await run("pdfseparate", ["in.pdf", "page-%d.pdf"], dir);
    const names = (await readdir(dir)).filter((n) => /^page-\d+\.pdf$/.test(n))
      .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
    if (names.length !== pageCount) throw new PdfRenderError("PDF 无法拆分成单页，文件可能已损坏");
    return Promise.all(names.map((n) => readFile(join(dir, n))));
  });
}

/** Joins page PDFs (files on disk, in order) into one PDF written at `out`. */
export async function joinPdfs(files: string[], out: string): Promise<void> {
  if (files.length === 0) throw new PdfRenderError("没有可合并的 PDF");
  await inTempDir(async (dir) => {
    // pdfunite needs two inputs at least; one page is copied as it is.
    if (files.length === 1) await writeFile(out, await readFile(files[0]));
    else await run("pdfunite", [...files, out], dir);
  });
}

/** The first page rendered (image uploads of a PDF without import). */
export const renderPdfFirstPage = (pdf: Uint8Array) => renderPdfPage(pdf, 1);
