// Renders a PDF's first page to PNG with poppler's pdftoppm (Debian: poppler-utils), in a
// private temporary folder, with a time limit so a hostile PDF cannot hold the server. The long
// side is fixed at 3300 px (a broadsheet at about 150 dpi) rather than a resolution, so a PDF
// with a giant page size cannot make pdftoppm allocate a bitmap of gigabytes.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A PDF that could not be rendered; its message is fit to show the editor. */
export class PdfRenderError extends Error {}

const TIMEOUT_MS = 60_000;

export async function renderPdfFirstPage(pdf: Uint8Array): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "banmian-pdf-"));
  try {
    await writeFile(join(dir, "in.pdf"), pdf);
    await new Promise<void>((resolve, reject) => {
      execFile("pdftoppm", ["-scale-to", "3300", "-png", "-singlefile", "-f", "1", "-l", "1", "in.pdf", "out"],
        { cwd: dir, timeout: TIMEOUT_MS }, (error) => {
          if (!error) return resolve();
          if ((error as NodeJS.ErrnoException).code === "ENOENT") {
            reject(new PdfRenderError("服务器未安装 pdftoppm（Debian 软件包 poppler-utils），无法处理 PDF；请联系管理员安装，或上传版面图片"));
          } else {
            reject(new PdfRenderError("PDF 无法渲染，文件可能已损坏"));
          }
        });
    });
    return await readFile(join(dir, "out.png"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
