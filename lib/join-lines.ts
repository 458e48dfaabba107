// Joins the lines of one paragraph typed or pasted with hard line breaks. Latin words get a space
// between them ("met on" + "Tuesday"); Chinese (and Japanese, Korean) text and full-width
// punctuation get none, as print never puts one there. A hyphen broken across lines keeps its
// hyphen: it may be a real one ("well-" + "known").

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019]/u;

function needsSpace(before: string, after: string): boolean {
  const a = before.at(-1) ?? "";
  const b = after[0] ?? "";
  if (!a || !b) return false;
  if (CJK.test(a) || CJK.test(b)) return false;
  if (a === "-" || a === "/") return false;
  return true;
}

export function joinLines(lines: string[]): string {
  let out = "";
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    out = out && needsSpace(out, line) ? `${out} ${line}` : out + line;
  }
  return out;
}
