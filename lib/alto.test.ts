// The ALTO export checked against what the ALTO v4 schema requires of the parts we write
// (alto-4-4.xsd: element order, required attributes, xsd:ID and xsd:float values), with a small
// XML reader so the test needs neither network nor a schema file.
import { describe, expect, it } from "vitest";
import { pageAlto, type AltoPage } from "./alto";

type El = { name: string; attrs: Record<string, string>; children: El[] };

/** A strict reader for the XML we write: elements, attributes, entities; anything else throws. */
function parseXml(src: string): El {
  let i = src.startsWith("<?xml") ? src.indexOf("?>") + 2 : 0;
  const ws = () => { while (/\s/.test(src[i] ?? "")) i++; };
  const unescapeXml = (s: string) => s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e) => ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" })[e as "lt"]);
  function element(): El {
    if (src[i] !== "<") throw new Error(`expected < at ${i}`);
    const name = /^<([A-Za-z_][\w.:-]*)/.exec(src.slice(i))![1];
    i += name.length + 1;
    const attrs: Record<string, string> = {};
    for (;;) {
      ws();
      if (src.startsWith("/>", i)) { i += 2; return { name, attrs, children: [] }; }
      if (src[i] === ">") { i++; break; }
      const m = /^([A-Za-z_][\w.:-]*)="([^"<]*)"/.exec(src.slice(i));
      if (!m) throw new Error(`bad attribute at ${i}: ${src.slice(i, i + 30)}`);
      if (m[1] in attrs) throw new Error(`attribute ${m[1]} twice`);
      attrs[m[1]] = unescapeXml(m[2]);
      i += m[0].length;
    }
    const children: El[] = [];
    for (;;) {
      const text = /^[^<]*/.exec(src.slice(i))![0];
      if (text.trim() && children.length) throw new Error(`mixed content in ${name}`);
      if (text.trim()) attrs["#text"] = unescapeXml(text.trim());
      i += text.length;
      if (src.startsWith(`</${name}>`, i)) { i += name.length + 3; return { name, attrs, children }; }
      children.push(element());
    }
  }
  ws();
  const root = element();
  ws();
  if (i !== src.length) throw new Error("content after the root element");
  return root;
}

const NCNAME = /^[A-Za-z_][\w.-]*$/;
const FLOAT = /^\d+(\.\d+)?$/;

/** The schema's rules for the elements we emit; returns the problems found. */
function altoProblems(root: El): string[] {
  const bad: string[] = [];
  const ids = new Set<string>();
  const need = (el: El, names: string[]) => names.forEach((a) => { if (!(a in el.attrs)) bad.push(`${el.name} lacks ${a}`); });
  const only = (el: El, allowed: string[]) => el.children.forEach((c) => { if (!allowed.includes(c.name)) bad.push(`${c.name} inside ${el.name}`); });
  const id = (el: El) => {
    const v = el.attrs.ID;
    if (!NCNAME.test(v ?? "")) bad.push(`${el.name} ID ${v} is not an xsd:ID`);
    if (ids.has(v)) bad.push(`ID ${v} twice`);
    ids.add(v);
  };
  const pos = (el: El, names = ["HPOS", "VPOS", "WIDTH", "HEIGHT"]) => {
    need(el, names);
    names.forEach((a) => { if (a in el.attrs && !FLOAT.test(el.attrs[a])) bad.push(`${el.name} ${a}=${el.attrs[a]} is not a float`); });
  };
  if (root.name !== "alto") bad.push("root is not alto");
  if (root.attrs.xmlns !== "http://www.loc.gov/standards/alto/ns-v4#") bad.push("not the ALTO v4 namespace");
  const top = root.children.map((c) => c.name);
  if (top.join() !== "Description,Layout") bad.push(`alto holds ${top}`);
  const desc = root.children[0];
  if (desc?.children[0]?.name !== "MeasurementUnit") bad.push("Description does not start with MeasurementUnit");
  if (!["pixel", "mm10", "inch1200"].includes(desc?.children[0]?.attrs["#text"] ?? "")) bad.push("bad MeasurementUnit");
  only(desc, ["MeasurementUnit", "sourceImageInformation", "Processing"]);
  const layout = root.children[1];
  only(layout, ["Page"]);
  for (const page of layout?.children ?? []) {
    id(page); need(page, ["PHYSICAL_IMG_NR"]);
    only(page, ["TopMargin", "LeftMargin", "RightMargin", "BottomMargin", "PrintSpace"]);
    for (const space of page.children) {
      pos(space); only(space, ["TextBlock", "Illustration", "GraphicalElement", "ComposedBlock"]);
      for (const block of space.children) {
        id(block); pos(block); only(block, ["Shape", "TextLine"]);
        for (const line of block.children) {
          id(line); pos(line); only(line, ["Shape", "String", "SP", "HYP"]);
          if (!line.children.some((c) => c.name === "String")) bad.push(`${line.attrs.ID} has no String`);
          line.children.forEach((c, k) => {
            if (c.name === "String") {
              id(c); pos(c); need(c, ["CONTENT"]);
              if (!c.attrs.CONTENT?.trim()) bad.push(`${c.attrs.ID} is empty`);
              const l0 = Number(line.attrs.HPOS), l1 = l0 + Number(line.attrs.WIDTH), s0 = Number(c.attrs.HPOS);
              if (s0 < l0 - 1 || s0 + Number(c.attrs.WIDTH) > l1 + 1) bad.push(`${c.attrs.ID} outside its line`);
            }
            if (c.name === "SP" && (k === 0 || k === line.children.length - 1)) bad.push("SP at a line's end");
          });
        }
      }
    }
  }
  return bad;
}

const page: AltoPage = {
  id: "P_linlan-2026-11-26-1",
  image: { file: "/media/abc.webp", width: 2000, height: 3000 },
  stories: [{ id: 7, zones: [{ x: 0, y: 0.1, w: 0.5, h: 0.5 }] }, { id: 9, zones: [{ x: 0.5, y: 0.1, w: 0.5, h: 0.2 }, { x: 0.75, y: 0.3, w: 0.25, h: 0.3 }] }],
  lines: [
    { text: "临澜日报 第01版 要闻", x: 0.05, y: 0.02, w: 0.9, h: 0.03, size: 20 },
    { text: "地铁1号线开通 <首日> & “客流”", x: 0.05, y: 0.12, w: 0.4, h: 0.02, size: 30 },
    { text: "本报讯 市民乘车", x: 0.05, y: 0.2, w: 0.4, h: 0.01, size: 10 },
    { text: "北港新区获批", x: 0.55, y: 0.12, w: 0.4, h: 0.02, size: 30 },
    { text: "L 形的第二块", x: 0.8, y: 0.4, w: 0.15, h: 0.01, size: 10 },
    { text: "   ", x: 0.1, y: 0.9, w: 0.1, h: 0.01, size: 10 },
  ],
};

describe("pageAlto", () => {
  it("writes ALTO v4 that keeps to the schema's structure", () => {
    const xml = pageAlto(page);
    const root = parseXml(xml);
    expect(altoProblems(root)).toEqual([]);
    const blocks = root.children[1].children[0].children[0].children;
    // Furniture, then a block per story; the L-shaped story's two legs are one block.
    expect(blocks.map((b) => b.attrs.ID)).toEqual(["B1", "B2_A7", "B3_A9"]);
    expect(blocks[2].children).toHaveLength(2);
    const strings = blocks[1].children[0].children.filter((c) => c.name === "String").map((c) => c.attrs.CONTENT);
    expect(strings).toEqual(["地铁1号线开通", "<首日>", "&", "“客流”"]);
  });

  it("is caught by the check when it breaks the schema", () => {
    const broken = pageAlto(page).replace(/ CONTENT="[^"]*"/, "").replace('ID="B2_A7"', 'ID="7"');
    expect(altoProblems(parseXml(broken))).toEqual(expect.arrayContaining(["TextBlock ID 7 is not an xsd:ID", "String lacks CONTENT"]));
  });
});
