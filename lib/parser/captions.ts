// Photo captions: 图为…。, ▲…, or text closing with a photographer's credit (…。 本报记者 张三 摄).
// They sit beside a picture, not inside a story, so the parser keeps them out of the story's text.
import { isBylineLine } from "./bylines";
import { foldScript } from "./script";
import { CJK } from "./text";

const CREDIT_ROLE = "(?:本报|新华社)?(?:特约)?(?:摄影记者|记者|通讯员|摄影师|摄影)";
const CREDIT_NAMES = `[${CJK}·]{2,4}(?:[\\s、]{1,3}[${CJK}·]{2,4}){0,3}`;
const PHOTO_CREDIT = new RegExp(
  `(?:^|[。！？!?”)）\\s])[(（]?\\s{0,2}(?:${CREDIT_ROLE}\\s{0,2}${CREDIT_NAMES}\\s{0,2}|${CREDIT_NAMES}\\s{1,2})摄(?:影)?\\s{0,2}[)）]?$`,
);
const CAPTION_FIRST = /^[图圖▲△上下左右本]/;
const CREDIT_END = /[摄攝][影]?\s{0,2}[)）]?$/;
const CAPTION_START = /^(?:图为|▲|△|图[①-⑩0-9一二三四五六]|上图|下图|左图|右图|图片说明|本版图片)/;

/** A photo caption (or a bare photo credit): printed beside a picture, not part of a story's text. */
export function isCaption(text: string): boolean {
  if (text.length > 300) return false;
  // 圖為…, …（本報記者 劉洋 攝）: only the ends matter, so only they are folded, and only when the
  // first character or the closing 摄 makes a caption possible at all (this runs on every line).
  if (CAPTION_FIRST.test(text) && CAPTION_START.test(foldScript(text.slice(0, 6)))) return true;
  if (/[发發][)）]$/.test(text) && AGENCY_CREDIT.test(foldScript(text.slice(-40)))) return true;
  return CREDIT_END.test(text.slice(-6)) && PHOTO_CREDIT.test(foldScript(text.slice(-60)));
}

// …大楼前经过。（新华社发） · …（新华社发 张三摄）: a wire photo's credit closing its caption. The
// sentence before it must be finished, so that prose quoting an agency is not taken for a caption.
const AGENCY_CREDIT = /[。！？”][(（]\s{0,2}(?:新华社|中新社|人民网|新华网|视觉中国|本报)\s{0,2}发\s{0,2}[)）]$/;

// A credit in brackets closing a photo story's text: …前来赏雪。（本报记者 刘洋 摄）
const TRAILING_CREDIT = new RegExp(`[(（]\\s{0,2}(?:${CREDIT_ROLE}\\s{0,2})?${CREDIT_NAMES}(?:\\s{0,2}${CREDIT_ROLE}\\s{0,2}${CREDIT_NAMES}){0,2}\\s{0,2}摄(?:影)?\\s{0,2}[)）]$`);

/** Splits …。（本报记者 刘洋 摄） into the text and the credit; null without a bracketed credit. */
export function splitTrailingCredit(text: string): { text: string; credit: string } | null {
  const tail = text.slice(-50);
  const m = TRAILING_CREDIT.exec(foldScript(tail));
  if (!m) return null;
  const before = text.slice(0, text.length - tail.length + m.index).trimEnd();
  if (!before || !/[。！？!?”」』]$/.test(before)) return null;
  return { text: before, credit: tail.slice(m.index) };
}

/** 本报记者 张三 摄: a credit line with nothing else. */
export function isPhotoCredit(line: string): boolean {
  return line.length <= 40 && /[摄攝](?:影)?[)）]?$/.test(line.trim()) && isBylineLine(line.replace(/[(（)）]/g, ""));
}
