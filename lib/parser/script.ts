// Traditional and simplified Chinese: papers in Hong Kong, Macao and Taiwan print 本報訊, 記者, (下轉A3版),
// 攝 where mainland papers print 本报讯, 记者, (下转A3版), 摄. Rather than spelling every keyword pattern
// twice, the predicates match against a folded copy of the line in which the traditional forms of the
// characters those patterns use (and of common surnames) are replaced by their simplified forms.
// Folding is one character for one character, so an index into the folded copy is an index into the
// original: callers match on the fold and cut the original, and the output stays as printed.

// Pairs: traditional, simplified. Only characters that keyword patterns or name checks care about;
// this is not a script converter (and must never be used to change what readers see).
const PAIRS =
  "報报訊讯記记轉转續续電电員员攝摄圖图編编輯辑責责對对緊紧見见頁页實实習习論论評评聞闻網网國国華华時时導导"
  + "視视廣广體体際际連连讀读題题審审設设計计稿稿綫线線线熱热郵邮號号發发農农曆历價价週周聯联訂订專专欄栏"
  + "觀观點点雜杂談谈隨随筆笔劄札遞递覽览動动態态掃扫錦锦縱纵銳锐壇坛關关來来鏈链貼贴閱阅綜综譯译據据門门"
  + "總总紀纪錄录師师顧顾問问約约務务當当長长東东區区層层臘腊閏闰兩两萬万億亿為为係系單单員员臺台灣湾溫温"
  + "陳陈黃黄劉刘張张楊杨趙赵吳吴孫孙馬马鄭郑羅罗謝谢許许韓韩馮冯鄧邓蕭萧蔣蒋葉叶蘇苏呂吕盧卢鍾钟鐘钟譚谭"
  + "陸陆賈贾韋韦鄒邹龔龚嚴严錢钱齊齐喬乔龐庞顏颜莊庄聶聂歐欧魯鲁蘭兰寧宁畢毕塗涂駱骆藍蓝鮑鲍饒饶費费衛卫"
  + "鄔邬邊边欒栾鞏巩鄺邝湯汤龍龙閻阎項项樂乐賴赖魏魏蔡蔡鄺邝衞卫彙汇訪访談谈誌志週周雲云風风詩诗書书畫画";

// A flat table over the CJK block: the passes fold every line several times, so lookups must be cheap.
const BASE = 0x4e00;
const FOLD = new Uint16Array(0xa000 - BASE);
for (let i = 0; i + 1 < PAIRS.length; i += 2) FOLD[PAIRS.charCodeAt(i) - BASE] = PAIRS.charCodeAt(i + 1);

/** The string with the traditional characters of PAIRS replaced by simplified ones (same length). */
export function foldScript(s: string): string {
  let out: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - BASE;
    if (c < 0 || c >= FOLD.length) continue;
    const f = FOLD[c];
    if (f === 0) continue;
    if (out === null) out = s.slice(0, i);
    else if (out.length < i) out += s.slice(out.length, i);
    out += String.fromCharCode(f);
  }
  if (out === null) return s;
  return out.length < s.length ? out + s.slice(out.length) : out;
}
