// Author lines and datelines.
//   standalone:  本报记者 马春香 吴婷婷 · 文/图 本报记者 孙丹丹 · 本报记者 孙丹丹 文/图 · 通讯员 李四 · □ 张三
//                By JANE DOE (+ a credit line such as "Staff Writer")
//   dateline:    本报讯(通讯员 李元错) 11月6日,… · 本报上海讯(…) · 青海日报讯(…) · 新华社北京11月6日电(记者 …)
//   at the end:  …。（记者 张三） or a line of its own
//   traditional: 本報記者 李詠詩 · 【本報訊】 · 本報訊（記者 陳嘉欣） — matched on foldScript's copy
//   wire only:   Reuters · Bloomberg · 新华社 on a line of its own under a headline (see isWireLine)
import { foldScript } from "./script";
import { CJK } from "./text";

const NAME = new RegExp(`^(?:[${CJK}]{2,4}|[${CJK}]{1,8}[·•・][${CJK}]{1,8})$`);
const NAME_ETAL = new RegExp(`^[${CJK}]{2,4}等$`);
// 本报驻布鲁塞尔记者 · 新华社驻东京记者: a correspondent is named with the post.
// 中青报·中青网记者: a paper and its news site named together.
const ORG = `(?:(?:本报|本刊|新华社|中新社|人民日报|[${CJK}]{2,6}?(?:日报|晚报|早报|时报|报|社|台)(?:·[${CJK}]{2,6}?(?:网|客户端))?)(?:驻[${CJK}]{1,8}?|特派)?)`;
const ROLE = new RegExp(
  `${ORG}?(?:特约|见习|实习|首席|全媒体|融媒体|融媒)?(?:摄影记者|记者|通讯员|实习生|评论员|撰稿人)|文\\s?[/／]\\s?图|图\\s?[/／]\\s?文|摄影|撰文|作者[:：]?|采写|报道|整理|编译|供稿|(?:^|\\s)[文图摄](?:[:：]|[/／](?!\\s?[文图])|(?=\\s|$))`,
  "g",
);
// An author line opens with its role (本报记者 …, 文/图 …, 作者：…) or closes with it (… 文/图, … 摄).
const OPENS_WITH_ROLE = new RegExp(
  `^(?:${ORG}?(?:特约|见习|实习|首席|全媒体|融媒体|融媒)?(?:摄影记者|记者|通讯员|实习生|评论员|撰稿人)|文\\s?[/／]\\s?图|图\\s?[/／]\\s?文|(?:文|图|摄影|撰文|作者)(?=[:：/／\\s]))`,
);
const CLOSES_WITH_ROLE = new RegExp(`[${CJK}]\\s{0,2}(?:文\\s?[/／]\\s?图|图\\s?[/／]\\s?文)$|[${CJK}]\\s{1,2}摄(?:影)?$`);
const LEAD_SYMBOL = /^[□■◎●◆◇○▲△★☆]\s{0,3}/;

/** Tokens left once roles are removed must all be personal names (or nothing: 本报评论员). */
function namesOnly(s: string): boolean {
  const rest = s.replace(ROLE, " ").replace(/[/／:：]/g, " ").trim();
  if (!rest) return true;
  const tokens = mergeSpacedNames(rest.split(/[\s、，,]+/).filter((t) => t && !/^[和及与]$/.test(t)));
  return tokens.length <= 10 && tokens.every((t) => NAME.test(t) || NAME_ETAL.test(t));
}

const SINGLE = new RegExp(`^[${CJK}]$`);

/**
 * 王　伟: papers pad a two-character name with a full-width space to the width of a three-character
 * one, so extraction gives two one-character tokens. Two in a row make one name.
 */
function mergeSpacedNames(tokens: string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (SINGLE.test(tokens[k]) && k + 1 < tokens.length && SINGLE.test(tokens[k + 1])) {
      out.push(tokens[k] + tokens[k + 1]);
      k++;
    } else out.push(tokens[k]);
  }
  return out;
}

// 陈　默: a padded two-character name alone on a line.
const SPACED_NAME = new RegExp(`^[${CJK}]\\s{1,3}[${CJK}]$`);

// The passes ask about the same lines several times (as a line, as a neighbour): remember answers.
const bylineMemo = new Map<string, boolean>();
const datelineMemo = new Map<string, number>();
function remember<T>(memo: Map<string, T>, key: string, compute: () => T): T {
  const hit = memo.get(key);
  if (hit !== undefined || memo.has(key)) return hit as T;
  if (memo.size > 4000) memo.clear();
  const value = compute();
  memo.set(key, value);
  return value;
}

/** A line that is only an author line. */
export function isBylineLine(line: string): boolean {
  return line.length > 80 ? false : remember(bylineMemo, line, () => computeIsByline(foldScript(line)));
}

// 本报通讯 员 · 本报记 者: extraction sometimes splits a role word where the line was justified.
const SPLIT_ROLE = /本\s{1,2}报|通\s{1,2}讯\s{0,2}员|通讯\s{1,2}员|记\s{1,2}者|实\s{1,2}习\s{0,2}生|实习\s{1,2}生|特\s{1,2}约|见\s{1,2}习|评\s{1,2}论\s{0,2}员|评论\s{1,2}员/g;

/** The line with role words made whole again (for matching only: the byline stays as printed). */
export function compactRoleWords(s: string): string {
  return /\s/.test(s) ? s.replace(SPLIT_ROLE, (m) => m.replace(/\s+/g, "")) : s;
}

function computeIsByline(line: string): boolean {
  const s = compactRoleWords(line.trim());
  if (!s || s.length > 60) return false;
  if (isEnglishByline(s)) return true;
  if (/[。，,；;！？!?“”"]/.test(s)) return false;
  const symbol = LEAD_SYMBOL.test(s);
  const body = s.replace(LEAD_SYMBOL, "");
  if (!symbol && isInstitutionalByline(body)) return true;
  if (!symbol && !OPENS_WITH_ROLE.test(body) && !CLOSES_WITH_ROLE.test(body)) return false;
  return namesOnly(body);
}

/** By JANE DOE · By Jane Doe and John Roe · BY JANE DOE, Staff Writer */
function isEnglishByline(s: string): boolean {
  return EN_BYLINE.test(s.trim());
}
const EN_NAME = "[A-Z][A-Za-z.'’\\-]{0,30}";
const EN_BYLINE = new RegExp(`^(?:By|BY|by)\\s{1,3}${EN_NAME}(?:(?:\\s{1,3}|,\\s{0,3}|\\s{0,3}[|/]\\s{0,3}|\\s{1,3}(?:and|&)\\s{1,3})${EN_NAME}){0,8}$`);

/** The line under an English byline naming the writer's post or agency. */
export function isCreditLine(s: string): boolean {
  const t = s.trim();
  return t.length <= 60 && !/[.!?]$/.test(t)
    && /^(?:The\s)?(?:[A-Z][A-Za-z.&'’-]*\s?){0,5}(?:Staff|Writer|Reporter|Correspondent|Editor|Press|News|Service|Bureau|Times|Post|Herald|Courier|Ledger|Tribune|Journal|Gazette|Contributor)s?(?:\s[A-Z][A-Za-z]*){0,3}$/.test(t);
}

// A dateline opens the first paragraph: a news organisation, an optional place and date, then 讯 or 电.
const DATE = "(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日";
// 晚报讯 · 早报讯: an evening or morning paper may call itself by its kind alone.
const SOURCE = `(?:本报|本刊|新华社|中新社|中新网|人民网|新华网|央视网|央广网|晚报|早报|[${CJK}]{2,8}?(?:日报|晚报|早报|时报|商报|新闻网|融媒体中心|电视台|广播电视台))`;
const DATELINE = new RegExp(`^(?:据)?[【\\[［]?${SOURCE}([${CJK}]{0,6}?)(?:${DATE})?(?:讯|电|消息)[】\\]］]?`);
const DATELINE_NAMES = /^\s{0,3}[(（]([^()（）]{1,60})[)）]/;
const ROLE_WORD = "(?:本报)?(?:特约|见习|实习|首席|全媒体|融媒体|融媒)?(?:记者|通讯员|实习生)";
const PERSON = `(?:[${CJK}]{2,4}|[${CJK}]{1,8}·[${CJK}]{1,8})`;
const ROLE_TOKEN = new RegExp(`^${ROLE_WORD}[:：]?$`);
const ROLE_NAME_TOKEN = new RegExp(`^${ROLE_WORD}${PERSON}(?:报道)?[:：]?$`);
const NAME_TOKEN = new RegExp(`^${PERSON}(?:报道)?[:：]?$`);
const WORD = /\s{0,3}(\S+)/y;

/** 本报讯 记者 张三 通讯员 李四 近日,… — the length of the role-and-name run after the dateline. */
function unbracketedNames(after: string): number {
  let pos = 0;
  let taken = 0;
  let sawRole = false;
  for (let k = 0; k < 12; k++) {
    WORD.lastIndex = pos;
    const t = WORD.exec(after);
    if (!t) break;
    const tok = t[1];
    if (ROLE_TOKEN.test(tok)) sawRole = true;
    else if (ROLE_NAME_TOKEN.test(tok) || (sawRole && NAME_TOKEN.test(tok))) {
      sawRole = true;
      taken = WORD.lastIndex;
    } else break;
    pos = WORD.lastIndex;
  }
  return taken;
}

export type Dateline = { byline: string; rest: string };

/** Splits 本报讯(记者 张三) 11月6日,… into the dateline (for the byline) and the paragraph's text. */
export function splitDateline(paragraph: string): Dateline | null {
  if (!/[讯电息訊電]/.test(paragraph.slice(0, 40))) return null;
  const head = foldScript(paragraph.slice(0, 120));
  const end = remember(datelineMemo, head, () => datelineLength(head));
  if (end === 0) return null;
  const rest = paragraph.slice(end).replace(/^[\s:：]+/, "");
  if (!rest) return null;
  return { byline: paragraph.slice(0, end).trim(), rest };
}

/** 本报讯(记者 张三) or 新华社北京11月6日电 on a line of its own, the text starting below it. */
export function isDatelineLine(line: string): boolean {
  const t = foldScript(line.trim());
  if (t.length > 80 || !/[讯电息]/.test(t)) return false;
  const end = remember(datelineMemo, t, () => datelineLength(t));
  return end > 0 && /^[\s:：]*$/.test(t.slice(end));
}

/** How many characters the dateline (with its names) takes at the start; 0 when there is none. */
function datelineLength(paragraph: string): number {
  const m = DATELINE.exec(paragraph);
  if (!m || /记者|从|的|在|了|是/.test(m[1])) return 0;
  let end = m[0].length;
  const names = DATELINE_NAMES.exec(paragraph.slice(end));
  if (names) {
    end += names[0].length;
  } else {
    end += unbracketedNames(paragraph.slice(end));
  }
  return end;
}

// A name in a closing note: 2-8 characters, or a two-character name padded with a space (林　舟).
const END_NAME = `(?:[${CJK}·]{2,8}|[${CJK}]\\s{1,2}[${CJK}](?![${CJK}]))`;
const END_BYLINE = new RegExp(
  `[(（]\\s{0,2}((?:本报)?(?:特约|见习|实习|首席|全媒体|融媒体|融媒)?(?:记者|通讯员|实习生)[^()（）。]{1,40}?|${END_NAME}(?:[\\s、]{1,3}${END_NAME}){0,4})\\s{0,2}[)）]$`,
);

// …。（据新华社北京3月11日电） · （新华社日内瓦3月12日电） · （据新华社电） · （据科技日报）: the source,
// printed at the end.
const END_SOURCE = new RegExp(`[(（]\\s{0,2}(?:据?${SOURCE}[${CJK}]{0,8}?(?:${DATE})?(?:电|讯|消息)|据[${CJK}]{2,12}?(?:报|网|社|台|客户端))\\s{0,2}[)）]$`);
// （宋雨桐、陆川对本文亦有贡献） · （实习生 林可参与采写）: the names of those who helped, closing the story.
const END_CONTRIBUTORS = new RegExp(`[(（]\\s{0,2}(?:实习生|通讯员)?\\s{0,2}[${CJK}·]{2,8}(?:[\\s、和]{1,3}[${CJK}·]{2,8}){0,4}\\s{0,2}(?:对本文(?:亦|也)?有(?:贡献|帮助)|亦有贡献|参与(?:了)?(?:采写|采访|报道|调研))\\s{0,2}[)）]$`);

/**
 * …。（记者 张三） → the paragraph without it and the author note; null when there is none.
 * A bracket of bare names counts only as a line of its own: inline, (张三) is more likely prose.
 */
export function splitEndByline(text: string): { text: string; byline: string } | null {
  const tail = text.slice(-70);
  if (!/[)）]\s*$/.test(tail)) return null;
  const folded = foldScript(tail);
  const other = END_SOURCE.exec(folded) ?? END_CONTRIBUTORS.exec(folded);
  if (other) {
    const before = text.slice(0, text.length - other[0].length).trimEnd();
    if (before && !/[。！？!?…”’」』]$/.test(before)) return null;
    return { text: before, byline: tail.slice(other.index) };
  }
  const m = END_BYLINE.exec(folded);
  if (!m) return null;
  const inner = m[1].trim();
  if (/摄(?:影)?$/.test(inner)) return null; // a photo credit belongs to its caption
  if (!namesOnly(inner)) return null;
  const before = text.slice(0, text.length - m[0].length).trimEnd();
  if (before && (!/记者|通讯员|实习生/.test(inner) || !/[。！？!?…”’」』）)]$/.test(before))) return null;
  return { text: before, byline: tail.slice(m.index) };
}

// 县农技推广中心　韩永胜: an expert's piece signed with their institution and name (no 记者 role).
const INSTITUTION_BYLINE = new RegExp(
  `^([${CJK}]{2,14}(?:中心|局|站|所|院|委|办|协会|学会|公司|集团|大学|学院|学校|医院|研究会))\\s{1,3}([${CJK}]{2,4}(?:[\\s、]{1,3}[${CJK}]{2,4}){0,2})$`,
);

function isInstitutionalByline(s: string): boolean {
  const m = INSTITUTION_BYLINE.exec(s);
  return !!m && m[2].split(/[\s、]+/).every(isSurnamedName);
}

function isSurnamedName(n: string): boolean {
  return DOUBLE_SURNAME.test(n) ? n.length >= 3 : SURNAMES.has(n[0]) && n.length <= 3;
}

// Common single and double surnames: a bare name line is only trusted when it opens with one.
const SURNAMES = new Set([..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
  + "阚仝逯訾昝蔺鞠楚闻居练邸谌郁禹封钮嵇宓郗仰伊暴厉戎祖蓟薄印宿怀邰鄂索咸籍屠胥苍双莘贡劳逄扶堵宰郦雍濮寿扈燕冀郏浦别充慕茹习宦鱼容慎戈庾暨衡步都满弘匡禄阙殳沃蔚夔隆厍晁勾融毋乜须丰巢蒯相荆竺权盖益桓"]);
const DOUBLE_SURNAME = /^(?:欧阳|司马|诸葛|上官|慕容|令狐|皇甫|东方|夏侯|尉迟|公孙|长孙|宇文|司徒|端木|独孤|南宫|西门|申屠|轩辕)/;
const BARE_NAMES = new RegExp(`^(?:文\\s?[/／:：]\\s?)?([${CJK}]{2,4})(?:[\\s、]{1,3}([${CJK}]{2,4})){0,2}$`);

/**
 * 王清越 alone on a line (optionally 文/王清越): an author line when printed between a headline and
 * the text. Every name must open with a common surname, so that a short title is not taken for one.
 */
export function isBareNameLine(line: string): boolean {
  // A padded name (阚　宁) is set as a name; no headline splits two characters with a space.
  if (SPACED_NAME.test(line.trim())) return true;
  const t = foldScript(line.trim());
  if (t.length > 16 || !BARE_NAMES.test(t)) return false;
  const names = t.replace(/^文\s?[/／:：]\s?/, "").split(/[\s、]+/).filter(Boolean);
  return names.every(isSurnamedName);
}

/** □ 林北辰 · ◎ 许慕白 · 王清越: how commentaries and essays are signed (no 记者, no dateline). */
export function isSignatureLine(line: string): boolean {
  const t = line.trim();
  return (LEAD_SYMBOL.test(t) && !/^[▲△]/.test(t) && isBylineLine(t)) || isBareNameLine(t);
}

// News agencies that sign wire copy with their name alone.
const WIRE = /^(?:Reuters|Bloomberg(?: News)?|AP|The Associated Press|Associated Press|AFP|Agence France-Presse|Xinhua|Kyodo(?: News)?|Yonhap|Dow Jones|dpa|PA Media|Bloomberg News|Reuters staff|新华社|中新社|中通社|法新社|路透社|美联社|彭博社|共同社|塔斯社|韩联社)$/;

/** Reuters · Bloomberg · 新华社: an agency's name on a line of its own (a byline under a headline). */
export function isWireLine(line: string): boolean {
  const t = line.trim();
  return t.length <= 30 && WIRE.test(foldScript(t));
}
