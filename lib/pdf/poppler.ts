// The PDF backend: poppler's command-line tools (Debian: poppler-utils).
//
// Why poppler and not pdf.js: measured on the two sample broadsheet pages (990 x 1410 pt, Noto CJK
// fonts embedded, about 900 KB each) on this 2-core machine, pdfjs-dist 5.6's getTextContent took
// 1.0–1.3 s a page (it parses every embedded CJK font) plus 0.1–0.2 s for getOperatorList, and
// importing it costs another 0.2 s; `pdftohtml -xml` gives the same runs with positions and font
// sizes in 0.04 s, and `pdftocairo -svg` gives every drawn rule, box and picture in 0.2–0.5 s (CPU).
// Only poppler keeps a page under one second, and it is already needed to render page images.
//
//   pdfinfo      → page count, page size, encryption, each page's crop and trim boxes
//   pdftohtml    → text runs: box, font size, bold (-xml -i: no image files written)
//   pdftocairo   → the page as SVG: the rectangles and lines drawn on it, and where pictures sit
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixRadicals } from "./chars";
import { PdfReadError } from "./errors";

/** A run of text as poppler prints it, in points, origin top-left. */
export type Run = { text: string; x: number; y: number; w: number; h: number; size: number; bold: boolean };

/** A filled or stroked rectangle (or line) or a picture, in points, origin top-left. */
export type Shape = { kind: "fill" | "stroke" | "image"; x: number; y: number; w: number; h: number; grey: number };

/**
 * The page as printed, in points from the top-left of what poppler draws (the crop box): a print
 * PDF with bleed has a media box larger than its trim box, and crop marks, colour bars and the
 * slug (file name, plate, time) outside it. Null when the two are the same.
 */
export type Trim = { x: number; y: number; w: number; h: number };

export type RawPage = { index: number; width: number; height: number; runs: Run[]; shapes: Shape[]; trim?: Trim | null };

const TIMEOUT_MS = 60_000;
const ZOOM = 1; // with -noroundcoord, coordinates come in points with their fractions

function run(cmd: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { cwd, timeout: TIMEOUT_MS, maxBuffer: 256 << 20, encoding: "utf8" }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        return reject(new PdfReadError("tool_missing", `服务器未安装 ${cmd}（Debian 软件包 poppler-utils），无法读取 PDF；请联系管理员安装`));
      }
      const why = String(stderr || error.message);
      if (/incorrect password|encrypted/i.test(why)) return reject(new PdfReadError("encrypted", "PDF 已加密，无法读取；请导出未加密的 PDF"));
      reject(new PdfReadError("corrupt", "PDF 无法读取，文件可能已损坏"));
    });
  });
}

/** Reads every page's text runs and drawn shapes. */
export async function readRawPages(pdf: Uint8Array): Promise<RawPage[]> {
  const dir = await mkdtemp(join(tmpdir(), "banmian-pdfread-"));
  try {
    await writeFile(join(dir, "in.pdf"), pdf);
    // One call for the page count and every page's boxes (pdfinfo stops at the last page).
    const info = await run("pdfinfo", ["-box", "-f", "1", "-l", "100000", "in.pdf"], dir);
    const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? "0");
    if (!count) throw new PdfReadError("corrupt", "PDF 中没有页面，文件可能已损坏");
    const trims = parseTrims(info, count);
    // Text and drawing are read at the same time: two tools, two cores.
    const shapes: Shape[][] = new Array(count);
    let next = 0;
    const worker = async () => {
      for (let k = next++; k < count; k = next++) {
        const svgName = `p${k + 1}.svg`;
        try {
          await run("pdftocairo", ["-svg", "-f", String(k + 1), "-l", String(k + 1), "in.pdf", svgName], dir);
          shapes[k] = parseSvg(await readFile(join(dir, svgName), "utf8"));
        } catch (e) {
          if (e instanceof PdfReadError && e.code === "tool_missing") throw e;
          shapes[k] = []; // without its drawing the page is still read from its text
        }
        await rm(join(dir, svgName), { force: true });
      }
    };
    const [xml] = await Promise.all([
      run("pdftohtml", ["-xml", "-i", "-nodrm", "-q", "-noroundcoord", "-zoom", String(ZOOM), "-stdout", "in.pdf"], dir),
      worker(),
      count > 1 ? worker() : Promise.resolve(),
    ]);
    const pages = parseXml(xml);
    return pages.map((p, k) => toTrim({ ...p, shapes: shapes[k] ?? [] }, trims[k] ?? null));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Each page's trim box inside its crop box, from `pdfinfo -box`: null where there is none to use
 * (the same box, a rotated page, or a trim box that is not a sensible part of the page).
 */
export function parseTrims(info: string, count: number): (Trim | null)[] {
  const box = (n: number, name: string) => {
    const m = new RegExp(`^Page\\s+${n} ${name}:\\s+(-?[\\d.]+)\\s+(-?[\\d.]+)\\s+(-?[\\d.]+)\\s+(-?[\\d.]+)`, "m").exec(info);
    return m ? m.slice(1, 5).map(Number) : null;
  };
  return Array.from({ length: count }, (_, k) => {
    const n = k + 1;
    const rot = Number(new RegExp(`^Page\\s+${n} rot:\\s+(\\d+)`, "m").exec(info)?.[1] ?? 0);
    const crop = box(n, "CropBox"), trim = box(n, "TrimBox");
    if (!crop || !trim || rot % 360 !== 0) return null;
    // Clipped to the crop box: only what poppler draws can be kept.
    const x0 = Math.max(trim[0], crop[0]), y0 = Math.max(trim[1], crop[1]);
    const x1 = Math.min(trim[2], crop[2]), y1 = Math.min(trim[3], crop[3]);
    const cw = crop[2] - crop[0], ch = crop[3] - crop[1];
    const t = { x: x0 - crop[0], y: crop[3] - y1, w: x1 - x0, h: y1 - y0 };
    if (t.w < cw * 0.5 || t.h < ch * 0.5) return null; // a broken box, not a page with bleed
    if (t.x < 1 && t.y < 1 && cw - t.w < 2 && ch - t.h < 2) return null;
    return t;
  });
}

/** The page cut to its trim box: coordinates from the trim's corner, marks and slug dropped. */
function toTrim(page: RawPage, trim: Trim | null): RawPage {
  if (!trim) return { ...page, trim: null };
  const inTrim = (b: { x: number; y: number; w: number; h: number }) => {
    const cx = b.x + b.w / 2, cy = b.y + b.h / 2;
    return cx > trim.x && cx < trim.x + trim.w && cy > trim.y && cy < trim.y + trim.h;
  };
  const shift = <B extends { x: number; y: number }>(b: B): B => ({ ...b, x: b.x - trim.x, y: b.y - trim.y });
  return {
    ...page, width: trim.w, height: trim.h, trim,
    runs: page.runs.filter(inTrim).map(shift),
    // A tint or picture bleeding off the edge is cut at the trim, as the printed page is.
    shapes: page.shapes.filter(inTrim).map(shift).map((b) => {
      const x = Math.max(0, b.x), y = Math.max(0, b.y);
      return { ...b, x, y, w: Math.min(trim.w, b.x + b.w) - x, h: Math.min(trim.h, b.y + b.h) - y };
    }),
  };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
function unescapeXml(s: string): string {
  return s
    .replace(/<[^>]+>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
      if (e[0] === "#") {
        const n = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1));
        return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : "";
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    });
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : null;
}

export function parseXml(xml: string): Omit<RawPage, "shapes">[] {
  const pages: Omit<RawPage, "shapes">[] = [];
  const pageRe = /<page\s[^>]*>([\s\S]*?)<\/page>/g;
  // pdftohtml declares each font once, on the first page that uses it; later pages refer to it.
  const fonts = new Map<string, number>();
  for (let m = pageRe.exec(xml); m; m = pageRe.exec(xml)) {
    const head = m[0].slice(0, m[0].indexOf(">") + 1);
    const width = Number(attr(head, "width")) / ZOOM;
    const height = Number(attr(head, "height")) / ZOOM;
    for (const f of m[1].matchAll(/<fontspec\s[^>]*>/g)) fonts.set(attr(f[0], "id") ?? "", Number(attr(f[0], "size")) / ZOOM);
    const runs: Run[] = [];
    for (const t of m[1].matchAll(/<text\s([^>]*)>([\s\S]*?)<\/text>/g)) {
      const tag = " " + t[1];
      const text = fixRadicals(unescapeXml(t[2]));
      if (!text.trim()) continue;
      runs.push({
        text,
        x: Number(attr(tag, "left")) / ZOOM,
        y: Number(attr(tag, "top")) / ZOOM,
        w: Number(attr(tag, "width")) / ZOOM,
        h: Number(attr(tag, "height")) / ZOOM,
        size: runSize(text, Number(attr(tag, "width")) / ZOOM, fonts.get(attr(tag, "font") ?? "") ?? Number(attr(tag, "height")) / ZOOM),
        bold: /<b>/.test(t[2]),
      });
    }
    pages.push({ index: pages.length, width, height, runs });
  }
  return pages;
}

/**
 * poppler rounds font sizes to whole points; a run of full-width characters tells the size more
 * finely (each advances one em), unless it is letter-spaced, which the rounded size shows.
 */
function runSize(text: string, width: number, rounded: number): number {
  const t = text.trim();
  if (t.length < 3 || !/^[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+$/.test(t)) return rounded;
  const est = width / t.length;
  return Math.abs(est - rounded) <= 0.6 ? Math.round(est * 20) / 20 : rounded;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function matrixOf(tag: string): Matrix {
  const t = attr(tag, "transform");
  const m = t && /matrix\(([^)]*)\)/.exec(t);
  if (!m) return IDENTITY;
  const v = m[1].split(/[\s,]+/).map(Number);
  return v.length === 6 && v.every(Number.isFinite) ? (v as Matrix) : IDENTITY;
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function boxOf(points: [number, number][]): { x: number; y: number; w: number; h: number } {
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  const x = Math.min(...xs), y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

function greyOf(style: string, key: "fill" | "stroke"): number {
  const m = new RegExp(`${key}:rgb\\(([\\d.]+)%,([\\d.]+)%,([\\d.]+)%\\)`).exec(style);
  if (!m) return /#fff|white/.test(style) ? 1 : 0;
  return (Number(m[1]) + Number(m[2]) + Number(m[3])) / 300;
}

/**
 * The page's drawing from cairo's SVG: straight-edged paths (rules, boxes, tints) and pictures. Glyph
 * outlines and clip paths live in <defs> and are skipped; curved paths are taken by their bounds.
 */
export function parseSvg(svg: string): Shape[] {
  const shapes: Shape[] = [];
  const defsEnd = svg.lastIndexOf("</defs>");
  const images = new Map<string, { w: number; h: number }>();
  for (const im of svg.matchAll(/<image\s[^>]*>/g)) {
    const id = attr(im[0], "id");
    if (id) images.set(id, { w: Number(attr(im[0], "width")), h: Number(attr(im[0], "height")) });
  }
  const body = defsEnd >= 0 ? svg.slice(defsEnd) : svg;
  for (const el of body.matchAll(/<(path|rect|image|use)\s[^>]*>/g)) {
    const tag = el[0];
    const m = matrixOf(tag);
    if (el[1] === "use") {
      const href = attr(tag, "xlink:href") ?? attr(tag, "href") ?? "";
      const im = images.get(href.replace(/^#/, ""));
      if (!im) continue; // a glyph
      const x = Number(attr(tag, "x") ?? 0), y = Number(attr(tag, "y") ?? 0);
      shapes.push({ kind: "image", grey: 0.5, ...boxOf([apply(m, x, y), apply(m, x + im.w, y + im.h)]) });
      continue;
    }
    if (el[1] === "image") {
      const x = Number(attr(tag, "x") ?? 0), y = Number(attr(tag, "y") ?? 0);
      const w = Number(attr(tag, "width")), h = Number(attr(tag, "height"));
      shapes.push({ kind: "image", grey: 0.5, ...boxOf([apply(m, x, y), apply(m, x + w, y + h)]) });
      continue;
    }
    const style = attr(tag, "style") ?? "";
    const stroked = /stroke:rgb|stroke:#/.test(style) && !/stroke:none/.test(style);
    const filled = !/fill:none/.test(style);
    let pts: [number, number][];
    if (el[1] === "rect") {
      const x = Number(attr(tag, "x")), y = Number(attr(tag, "y")), w = Number(attr(tag, "width")), h = Number(attr(tag, "height"));
      pts = [apply(m, x, y), apply(m, x + w, y + h)];
    } else {
      const d = attr(tag, "d") ?? "";
      // Only straight, axis-aligned outlines are rules, frames and tints: curves are glyphs drawn
      // as outlines (stroked text), logos and ornaments.
      if (/[CcQqSsTtAa]/.test(d)) continue;
      const nums = d.replace(/[A-Za-z]/g, " ").trim().split(/[\s,]+/).map(Number).filter(Number.isFinite);
      if (nums.length < 4 || nums.length > 14) continue;
      pts = [];
      for (let i = 0; i + 1 < nums.length; i += 2) pts.push(apply(m, nums[i], nums[i + 1]));
      let straight = true;
      for (let i = 1; i < pts.length; i++) {
        if (Math.abs(pts[i][0] - pts[i - 1][0]) > 0.5 && Math.abs(pts[i][1] - pts[i - 1][1]) > 0.5) straight = false;
      }
      if (!straight) continue;
    }
    const b = boxOf(pts);
    if (!Number.isFinite(b.x) || !Number.isFinite(b.y)) continue;
    if (stroked) {
      const sw = Number(/stroke-width:([\d.]+)/.exec(style)?.[1] ?? 1) * Math.abs(m[0] || m[3] || 1);
      shapes.push({ kind: "stroke", grey: greyOf(style, "stroke"), x: b.x - sw / 2, y: b.y - sw / 2, w: b.w + sw, h: b.h + sw });
    } else if (filled) {
      shapes.push({ kind: "fill", grey: greyOf(style, "fill"), ...b });
    }
  }
  return shapes;
}
