// Headline lines: what looks like one, how a block of them splits into 引题/主题/副题/专栏,
// and when a headline printed after its story belongs to that story.
import { foldScript } from "./script";
import { endsSentence, hasSentencePunct, overlapScore, visibleLength } from "./text";

const MAX_HEADING = 45;

/** A short line without sentence punctuation: a headline, a kicker, a subhead. */
export function isHeadingLike(s: string, english: boolean): boolean {
  return english ? isEnglishHeading(s) : isChineseHeading(s);
}

// 问：… · 答：… · 记者：… · 主持人：…: an interview's turns are its paragraphs, however short.
const INTERVIEW_TURN = /^\s{0,2}(?:问|答|记者|主持人|嘉宾|[QA])\s{0,2}[:：]/;

/** A turn of an interview printed as questions and answers. */
export function isInterviewTurn(s: string): boolean {
  return INTERVIEW_TURN.test(s);
}

function isChineseHeading(s: string): boolean {
  const n = visibleLength(s);
  if (n === 0 || n > MAX_HEADING || INTERVIEW_TURN.test(s)) return false;
  if (hasSentencePunct(s)) return false;
  if (/^[，,、。；;：:）)」』”’！？!?]/.test(s)) return false;
  // Headlines may end in ？ or ！ but never in 。 or a closing quote after one.
  if (endsSentence(s) && !/[？！?!]$/.test(s) && !s.endsWith("——")) return false;
  if (/^[0-9.\s%]+$/.test(s)) return false;
  return true;
}

/** Short and comma-light: a headline when its neighbours say so (说干就干，十天建成一座桥). */
export function isLooseHeading(s: string): boolean {
  const n = visibleLength(s);
  if (n === 0 || n > 30 || /[。；;]/.test(s) || INTERVIEW_TURN.test(s)) return false;
  if ((s.match(/[，,]/g) ?? []).length > 2) return false;
  if (/^[，,、。；;：:）)」』”’]/.test(s)) return false;
  // A headline may trail off (山里的孩子，想去看看海……), but never end a sentence with 。
  return !endsSentence(s) || /(?:[？！?!]|[^…]……)$/.test(s);
}

/**
 * 产业兴了，村子活了 · 既要“富口袋”，也要“富脑袋”: a subhead of two (or three) matched clauses, set
 * without final punctuation. A column-break fragment rarely balances like this, and never leaves a
 * quotation open (“虽然已是第二天，但是洽谈的人).
 */
export function isParallelHead(s: string): boolean {
  const t = s.trim();
  if (visibleLength(t) > 24 || !/[，,]/.test(t) || /[。；;：:！？!?…、]$/.test(t) || /[。；;]/.test(t)) return false;
  if (/^[“"「『‘]/.test(t) && !/[”"」』’]$/.test(t)) return false;
  const opens = (t.match(/[“「『‘]/g) ?? []).length;
  const closes = (t.match(/[”」』’]/g) ?? []).length;
  if (opens !== closes) return false;
  // 今年以来，全市上下 | …: a sentence opening cut by the column end, not a subhead.
  if (/^(?:今年以来|近年来|近日|日前|目前|据了解|据介绍|据悉|与此同时|此外|同时|其中|截至目前|记者|他|她|我们|大家)[，,]/.test(t)) return false;
  const parts = t.split(/[，,]/).map((p) => visibleLength(p));
  if (parts.length > 3 || parts.some((n) => n < 3 || n > 10)) return false;
  return Math.max(...parts) - Math.min(...parts) <= 1;
}

const SMALL_WORDS = new Set([
  "a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "but", "at", "by", "with", "from",
  "as", "is", "vs", "vs.", "into", "over", "after", "up", "off", "out", "per", "via", "its", "are", "be",
]);

function isEnglishHeading(s: string): boolean {
  const t = s.trim();
  if (!t || t.length > 100 || /[,;:]$/.test(t) || /\.$/.test(t)) return false;
  if (/^[A-Z][A-Z .'’-]{1,30}\s[—–-]{1,2}\s/.test(t)) return false; // MILLBROOK — dateline
  if (!/^[A-Z0-9$“"‘'(]/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 14) return false;
  if (SMALL_WORDS.has(words[words.length - 1].toLowerCase()) && words.length > 1) return false;
  const significant = words.filter((w) => /[A-Za-z]/.test(w) && !SMALL_WORDS.has(w.toLowerCase()));
  if (significant.length === 0) return false;
  const capital = significant.filter((w) => /^[^A-Za-z]*[A-Z0-9]/.test(w)).length;
  return capital / significant.length >= 0.8;
}

/** 尊师重教·感念师恩 · 【今日谈】 · 望海楼·评论 · ■ 人民时评 · ANALYSIS: a section or series label. */
export function isColumnLabel(s: string, english: boolean): boolean {
  const t = english ? s.trim() : foldScript(s.trim());
  if (english) return /^[A-Z][A-Z&'’ -]{1,24}$/.test(t) && t.split(/\s+/).length <= 3;
  if (/^[^\s·•・]{2,10}[·•・][^\s·•・]{1,10}$/.test(t) && !hasSentencePunct(t)) return true;
  if (/^[【［[〔「][^】］\]〕」]{1,14}[】］\]〕」]$/.test(t)) return true;
  if (/^[■□◆◇●○▲△★☆▼◎]\s{0,2}\S{1,14}$/.test(t)) return true;
  // Standing column names end in a genre word: 蹲点日记, 城市笔记, 岚江时评, 要闻速览, 民生观察 …, and
  // series names in a reporting word: 高质量发展调研行, 新春走基层, 春耕时节访农家.
  if (COLUMN_SUFFIX.test(t)) return true;
  return KNOWN_COLUMNS.has(t.replace(/\s+/g, ""));
}

const COLUMN_SUFFIX = /^[^\s，,。；;：:！？!?]{0,6}(?:简讯|快讯|短讯|速递|速览|动态|扫描|集锦|播报|纵横|时评|快评|短评|锐评|论坛|视点|观察|日记|笔记|随笔|手记|札记|漫谈|杂谈|走笔|茶座|夜话|絮语|杂感|关注|来信|信箱|解读|课堂|讲堂|问答|调研行|走基层|在一线|面对面|大家谈|进行时|访农家|访企业|看变化|新观察|提醒|提示)$/;

const KNOWN_COLUMNS = new Set([
  "今日谈", "人民时评", "人民论坛", "评论员观察", "望海楼", "社论", "短评", "快评", "时评", "锐评", "国际论坛",
  "金台锐评", "评论员文章", "编者按", "编辑手记", "编后", "编后语", "链接", "相关链接", "新闻链接", "背景链接", "延伸阅读", "小贴士", "新论", "热点观察", "记者手记", "记者观察", "一线观察",
  "图片新闻", "新闻图片", "图片报道", "摄影报道", "图说新闻", "来论",
]);

// A box set beside a story under a rubric of its own (链接, 小贴士): a separate piece, no headline.
const SIDEBAR_LABELS = new Set(["链接", "相关链接", "背景链接", "新闻链接", "延伸阅读", "小贴士", "名词解释", "知识链接", "背景资料"]);

/** 链接 · 相关链接 · 小贴士: the rubric of a sidebar box. */
export function isSidebarLabel(s: string): boolean {
  // 【相关链接】 is the same rubric in brackets.
  return SIDEBAR_LABELS.has(foldScript(s).replace(/\s+/g, "").replace(/^[【［[〔](.+)[】］\]〕]$/, "$1"));
}

/**
 * Over a commentary or essay signed with a bare name or □ 林北辰 / ◎ 许慕白, a short plain line above
 * the title is the column it runs in (城市笔记, 望海楼), not a kicker: those pieces carry no kicker.
 */
function isShortStandingLabel(label: string, title: string): boolean {
  const n = visibleLength(label);
  return n >= 2 && n <= 6 && /^[\u4e00-\u9fff·]+$/.test(label) && visibleLength(title) > n;
}

export type HeadingRoles = {
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  column: string | null;
};

export type HeadingLine = { text: string; role: "heading" | "subtitle" };

/**
 * Splits a headline block (top to bottom) into its parts. Chinese papers print the kicker above the
 * title and the subtitle (often opening with ——) below it; English ones a headline and then a deck.
 */
export function assignHeadingRoles(lines: HeadingLine[], english: boolean, signedBelow = false, bylineBelow = false): HeadingRoles {
  const roles: HeadingRoles = { kicker: null, title: null, subtitle: null, column: null };
  let rest = lines;
  if (rest.length >= 2 && rest[0].role === "heading"
    && (isColumnLabel(rest[0].text, english) || (signedBelow && !english && rest[1].role === "heading" && isShortStandingLabel(rest[0].text, rest[1].text)))) {
    roles.column = rest[0].text;
    rest = rest.slice(1);
  }
  const plain = rest.filter((l) => l.role === "heading").map((l) => l.text);
  const subs = rest.filter((l) => l.role === "subtitle").map((l) => l.text);
  if (english) {
    roles.title = plain[0] ?? subs.shift() ?? null;
    const deck = [...plain.slice(1), ...subs];
    roles.subtitle = deck.length ? deck.join(" ") : null;
    return roles;
  }
  if (plain.length === 0) {
    roles.title = subs.shift() ?? null;
  } else if (plain.length === 1) {
    roles.title = plain[0];
  } else if (plain.length === 2 && subs.length === 0 && isLeadInClause(plain[1]) && !isLeadInClause(plain[0])) {
    // The kicker set in small type above the title, extracted after it.
    roles.kicker = plain[1];
    roles.title = plain[0];
  } else if (plain.length === 2 && subs.length === 0 && wrapsTitle(plain[0], plain[1])) {
    roles.title = plain[0] + plain[1];
  } else if (plain.length === 2 && subs.length === 0 && isTitleOverSubtitle(plain[0], plain[1], bylineBelow)) {
    roles.title = plain[0];
    subs.push(plain[1]);
  } else if (subs.length > 0 || plain.length === 2) {
    roles.kicker = plain.slice(0, -1).join(" ");
    roles.title = plain[plain.length - 1];
  } else {
    roles.kicker = plain[0];
    roles.title = plain[1];
    subs.unshift(...plain.slice(2));
  }
  roles.subtitle = subs.length ? subs.join(" ") : null;
  return roles;
}

// 副题 printed without its dash: a series or genre word closes it (…纪实, …综述之一, …答记者问).
const SUBTITLE_GENRE = /(?:纪实|综述|述评|侧记|速写|特写|见闻|巡礼|素描|手记|调查|观察|访谈|答记者问|记者问|一线行|蹲点记|[综述评]之[一二三四五六七八九十])$/;
// What only a 引题 says: when or where (前两个月, 今年以来), the occasion (…正当时, …来临, 第12轮), a
// watchword without a subject (加快建设交通强省, 聚焦民生实事), or a verb whose object is the title
// below (市政府常务会议审议通过 | …三年行动方案).
const TIME_OPENING = /^(?:前[0-9一二三四五六七八九十两]{1,3}个?月|前[一二三]季度|[一二三四]季度|上半年|今年以来|近年来|近期|[0-9一二三四五六七八九十]{1,3}月(?:份)?以来|年初以来)/;
const KICKER_OPENING = /^(?:聚焦|围绕|坚持|深入|推进|奋力|受|随着|面对|瞄准|立足|着眼|串起|为了|为|加快|持续|着力|大力|深化|推动|扎实|全力|积极|不断|切实|全面|努力|坚定|锚定|勇当|争当|奋进|牢记|践行|赓续|抢抓|抓好|抓实|守牢|筑牢|打好|夯实|织密|用好|答好|稳住|守住|下好|走好|做好|做强|做优|激活|厚植|擦亮|严厉|坚决|依法|从严)/;
const KICKER_CLOSING = /(?:正当时|正当季|来临|将至|在即|临近|到来|之际|期间|以来|周年|第[0-9一二三四五六七八九十百]{1,4}[轮届场站期季]|审议通过|通过|印发|出台|发布|公布|签署|颁布|研究部署|作出部署|部署|审议|之年|背景下|新征程上|时|中|下)$/;

// A short kicker names a place, a period or an event (乌兰县茶卡镇, 海西前三季度, NBA常规赛); a
// short line that does none of these is a title of its own (科技赋能春耕).
const SHORT_LABEL = /(?:[省市县区镇乡村州]|街道|季度|个?月|月份|年度|以来|[赛会节展]|周年)$|[A-Za-z]{2,}/;

/**
 * Two display lines with no dash: 主题 over 副题, or 引题 over 主题? Print tells them apart by type size;
 * extracted text keeps only order and length. A kicker is short (a label), frames the news (when, where,
 * the occasion) or leads into the title; a subtitle runs clearly longer than the title it explains,
 * carries commas the title does not, or names its genre (…纪实). Anything less clear stays kicker + title.
 * Papers in traditional script set a kicker (肩題) over the title far more often than a subtitle.
 */
export function isTitleOverSubtitle(first: string, second: string, bylineBelow = false): boolean {
  if (foldScript(first + second) !== first + second) return false;
  if (isLeadInClause(first)) return false;
  const a = visibleLength(first);
  const b = visibleLength(second);
  if (SUBTITLE_GENRE.test(second.trim())) return true;
  if (completesWithFigure(first, second)) return true;
  if (/[，,]/.test(second) && !/[，,]/.test(first) && b > a) return true;
  if (a < 5 || (a < 7 && SHORT_LABEL.test(first.trim())) || KICKER_OPENING.test(first.trim()) || KICKER_CLOSING.test(first.trim())) return false;
  // A time frame alone (前两个月) is a kicker; a clause that opens with one (一季度消费市场开局良好) may be
  // a title. Parallel phrases set apart by a space (主要指标保持平稳增长 新动能加快成长) make a 主题.
  if ((a <= 8 && TIME_OPENING.test(first.trim())) || (/\S\s+\S/.test(second.trim()) && !/\S\s+\S/.test(first.trim()))) return false;
  // A quoted catchword (一台播种机的“新本事”) marks the display title, not the line explaining it.
  if (/[“"「]/.test(second) && !/[“"「]/.test(first)) return false;
  // A subtitle explains its title and so repeats its words (中小学课后服务提质扩容 | 全省课后服务…);
  // a kicker frames the title from elsewhere.
  // Over an author line of its own (a feature, not a dispatch) a title more often has a subtitle.
  return b - a >= (bylineBelow ? 3 : 4) || (b - a >= 2 && overlapScore(first, second) >= 0.2);
}

// 我国首个海上二氧化碳封存示范工程投用 | 每年可封存二氧化碳30万吨: a finished event, then its key figure.
const EVENT_DONE = /(?:投用|投产|建成|开通|贯通|通车|落成|启用|上线|并网|竣工|开工|首飞|下水|试航|发射|成立|揭牌|开幕|闭幕)$/;
const FIGURE_OPENING = /^(?:每年|年均|年产|年|总投资|总长|全长|日均|单日|累计|预计|可|将|共|总|首批|设计)/;

/** A title reporting a finished event over a shorter line giving its figure: title + subtitle. */
function completesWithFigure(first: string, second: string): boolean {
  return visibleLength(first) >= 10 && EVENT_DONE.test(first.trim()) && FIGURE_OPENING.test(second.trim()) && /[0-9一二三四五六七八九十百千万亿]/.test(second);
}

/**
 * 我省新增4个国家级 | 现代农业产业园: one title too long for its line, broken where a modifier still
 * waits for its noun. The second line is short and the first cannot end a headline.
 */
export function wrapsTitle(first: string, second: string): boolean {
  const a = first.trim();
  const b = second.trim();
  if (/\s/.test(a) || /\s/.test(b) || visibleLength(b) > 10 || visibleLength(a) < 6) return false;
  return /(?:的|之|和|与|及|暨|等|级|型|类|首批|首个|首家|[0-9一二三四五六七八九十两百千万]+[个家项座条批所])$/.test(a);
}

/**
 * The two lines were told apart by length and wording only: no lead-in clause, genre word, comma or
 * script settled it. An editor should check which is the title.
 */
export function isDoubtfulHeadlineOrder(first: string, second: string): boolean {
  if (isLeadInClause(first) || isLeadInClause(second) || SUBTITLE_GENRE.test(second.trim())) return false;
  if (foldScript(first + second) !== first + second || /[，,]/.test(second)) return false;
  const a = visibleLength(first);
  const b = visibleLength(second);
  if (a < 5 || b <= a || (a < 7 && SHORT_LABEL.test(first.trim())) || (a <= 8 && TIME_OPENING.test(first.trim()))) return false;
  return !KICKER_OPENING.test(first.trim()) && !KICKER_CLOSING.test(first.trim());
}

// 市长周立新在调研重点项目建设时强调 · 国家统计局最新数据显示: a clause that introduces what follows (who
// said it, where, what the figures show),
// printed as the kicker; it never stands as a title on its own.
const LEAD_IN = /(?:强调|指出|表示|提出|要求|寄语|勉励|时说|调研时|考察时|检查时|会见时|座谈时|显示|表明|获悉|宣布|透露)$/;

function isLeadInClause(s: string): boolean {
  return LEAD_IN.test(s.trim()) && visibleLength(s) >= 6;
}

/**
 * PDF extraction sometimes prints a story's headline after its body. When a story that has no
 * headline is followed by a headline block, the block's first line belongs to that story if it
 * shares more of its words with it than with the story after the block.
 */
export function headlineBelongsToPrevious(
  head: string,
  previousBody: string,
  nextBody: string,
  blockHasAnotherTitle: boolean,
): boolean {
  const prev = overlapScore(head, previousBody);
  if (!nextBody) return prev >= 0.3;
  const next = overlapScore(head, nextBody);
  if (blockHasAnotherTitle) return prev >= 0.3 && prev >= next;
  // A lone headline normally heads what follows; only a clear match pulls it back.
  return prev >= 0.5 && prev >= 2 * next + 0.1;
}
