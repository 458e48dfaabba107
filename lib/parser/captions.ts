// Photo captions: 图为…。, ▲…, or text closing with a photographer's credit (…。 本报记者 张三 摄).
// They sit beside a picture, not inside a story, so the parser keeps them out of the story's text.
import { isBylineLine } from "./bylines";
import { CJK } from "./text";

const CREDIT_ROLE = "(?:本报|新华社)?(?:特约)?(?:摄影记者|记者|通讯员|摄影师|摄影)";
const CREDIT_NAMES = `[${CJK}·]{2,4}(?:[\\s、]{1,3}[${CJK}·]{2,4}){0,3}`;
const PHOTO_CREDIT = new RegExp(
  `(?:^|[。！？!?”)）\\s])[(（]?\\s{0,2}(?:${CREDIT_ROLE}\\s{0,2}${CREDIT_NAMES}\\s{0,2}|${CREDIT_NAMES}\\s{1,2})摄(?:影)?\\s{0,2}[)）]?$`,
);
const CAPTION_START = /^(?:图为|▲|△|图[①-⑩0-9一二三四五六]|上图|下图|左图|右图|图片说明|本版图片)/;

/** A photo caption (or a bare photo credit): printed beside a picture, not part of a story's text. */
export function isCaption(text: string): boolean {
  if (text.length > 300) return false;
  return CAPTION_START.test(text) || PHOTO_CREDIT.test(text.slice(-60));
}

/** 本报记者 张三 摄: a credit line with nothing else. */
export function isPhotoCredit(line: string): boolean {
  return line.length <= 40 && /摄(?:影)?[)）]?$/.test(line.trim()) && isBylineLine(line.replace(/[(（)）]/g, ""));
}
