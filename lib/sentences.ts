// Splits Chinese (and mixed) text into sentences for reading aloud. Chrome stops a long
// utterance after about 14 seconds, so speech goes one sentence at a time; each sentence keeps
// its offsets in the text so the screen can highlight exactly what is being read.
export type Sentence = { start: number; end: number; text: string };

// A sentence ends at 。！？!? or ；…, with any closing quotes or brackets after it.
const END = /[。！？!?；;…]+[”’」』）)》]*|\n+/g;
// Very long runs without an end (tables, lists) are cut at a comma once past this length.
const MAX_CHARS = 90;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (/[\p{L}\p{N}]/u.test(body)) {
      // Long stretches are cut at their commas so no utterance runs too long.
      let s = start + lead;
      while (end - s > MAX_CHARS) {
        const cut = text.slice(s, s + MAX_CHARS).search(/[，,、：:][^，,、：:]*$/);
        if (cut <= 0) break;
        out.push({ start: s, end: s + cut + 1, text: text.slice(s, s + cut + 1).trim() });
        s += cut + 1;
      }
      const rest = text.slice(s, end).trim();
      if (rest) out.push({ start: s, end: s + text.slice(s, end).trimEnd().length, text: rest });
    }
    start = end;
  };
  for (const m of text.matchAll(END)) push((m.index ?? 0) + m[0].length);
  if (start < text.length) push(text.length);
  return out;
}
