// Prints how the reader sees a page: its lines, blocks and articles (for tuning the reader).
//   npx tsx lib/pdf/tools/dump.ts FILE.pdf [PAGE_INDEX]
import { readFileSync } from "node:fs";
import { groupArticles } from "../articles";
import { boxOf, buildBlocks } from "../blocks";
import { classifyDrawing } from "../drawing";
import { findFurniture } from "../furniture";
import { inside } from "../geometry";
import { buildLines } from "../lines";
import { readRawPages } from "../poppler";

const pages = await readRawPages(readFileSync(process.argv[2]));
const raw = pages[Number(process.argv[3] ?? 0)];
const d = classifyDrawing(raw.shapes, raw);
const lines = buildLines(raw.runs, d.vRules);
const f = findFurniture(lines, d, raw);
console.log("label", f.label, "section", f.section, "ads", f.ads.length, "boxes", d.boxes.length, "pictures", d.pictures.length);
const content = lines.filter((l) => !f.drop.has(l.id));
const blocks = buildBlocks(content, d, d.boxes);
const arts = groupArticles(blocks, d.pictures.filter((p) => !content.some((l) => inside(l, p))).map((p) => ({ ...p, frame: boxOf(p, d.boxes) })), d, 11);
const r = (v: number) => Math.round(v);
for (const a of arts) {
  console.log("== article", a.head.map((b) => b.lines.map((l) => l.text).join("")).join(" | "), "box", a.box, "pics", a.pictures.length);
  for (const b of a.blocks) {
    console.log(`  block ${b.id} [${r(b.x)},${r(b.y)} ${r(b.w)}x${r(b.h)}] size ${b.size.toFixed(1)}`);
    for (const l of b.lines.slice(0, 60)) console.log(`    ${r(l.x)},${r(l.y)} w${r(l.w)} s${l.size} ${l.text.slice(0, 30)}`);
  }
}
