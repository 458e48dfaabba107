// Page labels: how a page is named in URLs, jump markers and the CLI.
// Canonical form is an optional upper-case section letter and a number without
// leading zeros: "1", "3", "A3", "B12". Printed forms vary: 三版, 第3版, 03, A03版, Ａ３.

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 三 → 3, 十二 → 12, 二十 → 20, 二十四 → 24, 一〇二 → 102; null when not a Chinese numeral. */
export function chineseNumeral(s: string): number | null {
  if (!s || !/^[零〇一二两三四五六七八九十百]+$/.test(s)) return null;
  if (!/[十百]/.test(s)) {
    // Digit-by-digit form: 一〇二
    return Number([...s].map((c) => CN_DIGITS[c]).join(""));
  }
  let total = 0;
  let current = 0;
  for (const c of s) {
    if (c === "百") {
      total += (current || 1) * 100;
      current = 0;
    } else if (c === "十") {
      total += (current || 1) * 10;
      current = 0;
    } else {
      current = CN_DIGITS[c];
    }
  }
  return total + current;
}

export const LABEL_PATTERN = /^[A-Z]?[1-9][0-9]{0,2}$/;

/**
 * Normalises a printed or typed page label. Returns null when it is not one.
 *   三版, 第3版, 03, "3" → "3"; A03版, a3, Ａ３ → "A3".
 */
export function normalizeLabel(input: string | number | null | undefined): string | null {
  if (input == null) return null;
  let s = String(input).normalize("NFKC").trim().replace(/\s+/g, "");
  s = s.replace(/^第/, "").replace(/[版面页]$/, "").replace(/^第/, "");
  const letter = /^[A-Za-z]/.test(s) ? s[0].toUpperCase() : "";
  let rest = letter ? s.slice(1) : s;
  rest = rest.replace(/^第/, "");
  let n: number | null = null;
  if (/^[0-9]{1,3}$/.test(rest)) n = Number(rest);
  else n = chineseNumeral(rest);
  if (n == null || !Number.isInteger(n) || n < 1 || n > 999) return null;
  return letter + String(n);
}

/** "3" → "第3版", "A3" → "A3版"; for display. */
export function displayLabel(label: string): string {
  return /^[A-Z]/.test(label) ? `${label}版` : `第${label}版`;
}

/** Chinese form used in printed jump lines: "3" → "三版", "A3" → "A3版". */
export function printedLabel(label: string): string {
  if (/^[A-Z]/.test(label)) return `${label}版`;
  const n = Number(label);
  const d = "零一二三四五六七八九";
  let s: string;
  if (n < 10) s = d[n];
  else if (n < 20) s = "十" + (n % 10 ? d[n % 10] : "");
  else if (n < 100) s = d[Math.floor(n / 10)] + "十" + (n % 10 ? d[n % 10] : "");
  else s = String(n);
  return `${s}版`;
}
