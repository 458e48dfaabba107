// What text extraction yields for a character is not always the character. Fonts whose cmap lists a
// CJK radical (U+2F00–2FDF Kangxi radicals, U+2E80–2EFF radicals supplement) before the ordinary
// ideograph make both pdf.js and poppler emit ⽇ for 日 and ⻘ for 青: those two ranges are mapped
// back from Unicode's own data (radicals-data.ts). NFKC is applied to nothing else, because it
// would also turn full-width punctuation (，：？) into ASCII.
import { RADICAL_PAIRS } from "./radicals-data";

const RADICALS = new Map<string, string>();
{
  const cps = Array.from(RADICAL_PAIRS);
  for (let i = 0; i + 1 < cps.length; i += 2) RADICALS.set(cps[i], cps[i + 1]);
}

const RADICAL_RANGE = /[\u2e80-\u2eff\u2f00-\u2fdf]/g;

/** Maps CJK radicals back to the ideographs they stand for; leaves every other character alone. */
export function fixRadicals(s: string): string {
  if (!RADICAL_RANGE.test(s)) return s;
  RADICAL_RANGE.lastIndex = 0;
  return s.replace(RADICAL_RANGE, (c) => RADICALS.get(c) ?? c.normalize("NFKC"));
}

/**
 * Characters that mean the text layer is not real text: private-use code points (glyphs without a
 * Unicode mapping are often given those), U+FFFD, and C0 controls that poppler passes through
 * when a font has no ToUnicode map.
 */
const BAD = /[\ue000-\uf8ff\ufffd\u0000-\u0008\u000e-\u001f]|[\udb80-\udbff][\udc00-\udfff]/g;

export type TextQuality = "ok" | "none" | "garbage";

/**
 * Judges a page's text layer from its characters. "none": (almost) nothing to read, a scanned
 * page. "garbage": too many characters that are not text, or text that is not language (a font
 * without ToUnicode often decodes to runs of Latin letters and symbols where the page prints Chinese).
 */
export function judgeText(text: string): TextQuality {
  const chars = Array.from(text.replace(/\s+/g, ""));
  if (chars.length < 20) return "none";
  const bad = chars.filter((c) => { BAD.lastIndex = 0; return BAD.test(c); }).length;
  if (bad / chars.length > 0.05) return "garbage";
  const cjk = chars.filter((c) => /[\u3400-\u9fff\uf900-\ufaff]/.test(c)).length;
  const latin = chars.filter((c) => /[A-Za-z]/.test(c)).length;
  // Text that is neither Chinese nor mostly letters (digits, symbols, punctuation soup).
  if (cjk + latin < chars.length * 0.5) return "garbage";
  // Latin text must have words with vowels; cipher text from a missing ToUnicode rarely does.
  if (cjk < chars.length * 0.2) {
    const words = text.split(/[^A-Za-z]+/).filter((w) => w.length >= 3);
    const vowelled = words.filter((w) => /[aeiouyAEIOUY]/.test(w)).length;
    if (words.length >= 10 && vowelled / words.length < 0.7) return "garbage";
  }
  return "ok";
}
