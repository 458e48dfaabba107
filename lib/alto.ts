// A page as ALTO v4 (Library of Congress, https://www.loc.gov/standards/alto/): its lines and the
// stories they belong to, with positions in pixels of the page image. A story's lines are one
// TextBlock (lines whose centre lies in its zone); lines no story holds (furniture, ads) are
// blocks of their own. Words are the line's space-separated runs; a run of Chinese, which prints
// no spaces, is one String, placed by its share of the line's characters.
import { xmlEscape as x } from "./site";
import { covers } from "./zones";
import type { LineInput, Zone } from "./import-types";

export type AltoPage = {
  id: string; // a name for the page, e.g. "linlan-2026-11-26-3"
  image: { file: string; width: number; height: number };
  lines: LineInput[];
  stories: { id: number; zones: Zone[] }[];
};

/** Display width of a character: half for Latin letters, digits and spaces, whole for CJK. */
const cellWidth = (c: string) => (c.codePointAt(0)! < 0x2e80 ? 0.5 : 1);

type Box = { HPOS: number; VPOS: number; WIDTH: number; HEIGHT: number };
const attrs = (b: Box) => `HPOS="${b.HPOS}" VPOS="${b.VPOS}" WIDTH="${b.WIDTH}" HEIGHT="${b.HEIGHT}"`;
const r = (n: number) => Math.max(0, Math.round(n));

function lineXml(line: LineInput, id: string, W: number, H: number): string {
  const box = { HPOS: r(line.x * W), VPOS: r(line.y * H), WIDTH: r(line.w * W), HEIGHT: r(line.h * H) };
  const chars = [...line.text];
  const total = chars.reduce((s, c) => s + cellWidth(c), 0) || 1;
  const parts: string[] = [];
  let at = 0;
  let word = 0;
  for (const m of line.text.matchAll(/\S+|\s+/g)) {
    const width = [...m[0]].reduce((s, c) => s + cellWidth(c), 0);
    const hpos = box.HPOS + (at / total) * box.WIDTH;
    const w = (width / total) * box.WIDTH;
    if (/\S/.test(m[0])) {
      parts.push(`<String ID="${id}_${++word}" ${attrs({ HPOS: r(hpos), VPOS: box.VPOS, WIDTH: r(w), HEIGHT: box.HEIGHT })} CONTENT="${x(m[0])}"/>`);
    } else if (word > 0) {
      parts.push(`<SP WIDTH="${r(w)}" HPOS="${r(hpos)}" VPOS="${box.VPOS}"/>`);
    }
    at += width;
  }
  // A trailing space is not a separator.
  if (parts.at(-1)?.startsWith("<SP")) parts.pop();
  return `<TextLine ID="${id}" ${attrs(box)}>${parts.join("")}</TextLine>`;
}

export function pageAlto(page: AltoPage): string {
  const { width: W, height: H } = page.image;
  const lines = page.lines.filter((l) => l.text.trim());
  const owner = lines.map((l) => page.stories.find((s) => covers(s.zones, l.x + l.w / 2, l.y + l.h / 2))?.id ?? null);
  // Blocks in the order their first line comes: a story's lines together, other lines by runs.
  const blocks: { story: number | null; lines: number[] }[] = [];
  lines.forEach((_, i) => {
    const story = owner[i];
    const open = story != null ? blocks.find((b) => b.story === story) : blocks.at(-1)?.story == null ? blocks.at(-1) : undefined;
    if (open) open.lines.push(i);
    else blocks.push({ story, lines: [i] });
  });
  const blockXml = blocks.map((b, k) => {
    const ls = b.lines.map((i) => lines[i]);
    const x0 = Math.min(...ls.map((l) => l.x)), y0 = Math.min(...ls.map((l) => l.y));
    const x1 = Math.max(...ls.map((l) => l.x + l.w)), y1 = Math.max(...ls.map((l) => l.y + l.h));
    const box = { HPOS: r(x0 * W), VPOS: r(y0 * H), WIDTH: r((x1 - x0) * W), HEIGHT: r((y1 - y0) * H) };
    const id = `B${k + 1}`;
    // IDREFS must name IDs in the file, so the story is carried in the block's own ID.
    const name = b.story != null ? `${id}_A${b.story}` : id;
    return `<TextBlock ID="${name}" ${attrs(box)}>${b.lines.map((i, n) => lineXml(lines[i], `${name}_L${n + 1}`, W, H)).join("")}</TextBlock>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.loc.gov/standards/alto/ns-v4# http://www.loc.gov/alto/v4/alto-4-4.xsd">
<Description><MeasurementUnit>pixel</MeasurementUnit><sourceImageInformation><fileName>${x(page.image.file)}</fileName></sourceImageInformation></Description>
<Layout><Page ID="${x(page.id)}" PHYSICAL_IMG_NR="1" WIDTH="${W}" HEIGHT="${H}"><PrintSpace HPOS="0" VPOS="0" WIDTH="${W}" HEIGHT="${H}">
${blockXml.join("\n")}
</PrintSpace></Page></Layout>
</alto>
`;
}
