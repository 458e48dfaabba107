// 简/繁: the reading text shown in traditional characters, converted in the browser with OpenCC
// (opencc-js). The dictionary is large, so it loads only when a reader asks for it; the original
// text of every converted node is kept, so switching back restores it exactly.
const originals = new WeakMap<Text, string>();
let toTrad: ((s: string) => string) | null = null;

async function converter() {
  if (!toTrad) {
    const OpenCC = await import("opencc-js/cn2t");
    toTrad = OpenCC.Converter({ from: "cn", to: "tw" });
  }
  return toTrad;
}

function textNodes(root: Element): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest("script, style, [data-no-convert]") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** The parts of the screen readers read: the page or article, and the side column. */
const regions = () => [...document.querySelectorAll("main, .reader__side, .page-header, .masthead")];

export async function showTraditional() {
  const convert = await converter();
  for (const root of regions()) {
    for (const node of textNodes(root)) {
      const original = originals.get(node) ?? node.data;
      const converted = convert(original);
      if (converted !== original) {
        originals.set(node, original);
        if (node.data !== converted) node.data = converted;
      }
    }
  }
  document.documentElement.lang = "zh-Hant";
}

export function showSimplified() {
  for (const root of regions()) {
    for (const node of textNodes(root)) {
      const original = originals.get(node);
      if (original !== undefined && node.data !== original) node.data = original;
    }
  }
  document.documentElement.lang = "zh-CN";
}
