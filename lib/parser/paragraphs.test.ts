import { describe, expect, it } from "vitest";
import { parsePage } from "./index";

const paragraphs = (text: string) => parsePage(text, "1").articles.flatMap((a) => a.paragraphs);

describe("column breaks", () => {
  it("rejoins a word cut by a column break", () => {
    expect(paragraphs("他指出,特色产业是实现乡村振\n\n兴的重要支撑。\n\n下一段。")).toEqual(["他指出,特色产业是实现乡村振兴的重要支撑。", "下一段。"]);
  });

  it("rejoins across several blank lines and inside quoted speech", () => {
    expect(paragraphs("“虽然已是第二天,但是洽谈的人\n\n\n\n还是很多。”他说。")).toEqual(["“虽然已是第二天,但是洽谈的人还是很多。”他说。"]);
  });

  it("rejoins after a quoted word that ends a line", () => {
    expect(paragraphs("他指出,要聚焦输出地建设,做深做实“土特产”\n\n文章,发展精深加工业。")).toEqual(["他指出,要聚焦输出地建设,做深做实“土特产”文章,发展精深加工业。"]);
  });

  it("rejoins a line that opens with continuing punctuation", () => {
    expect(paragraphs("在第七届进博会(以下简称“进博会”)\n\n,展台前吸引了不少客商。")).toEqual(["在第七届进博会(以下简称“进博会”),展台前吸引了不少客商。"]);
  });

  it("does not join a finished sentence with the next paragraph", () => {
    expect(paragraphs("李天林参加。\n\n调研期间,召开座谈会。")).toEqual(["李天林参加。", "调研期间,召开座谈会。"]);
  });

  it("does not join a fragment with a headline or a dateline below it", () => {
    const page = parsePage("标题\n\n本报讯 全力以赴打赢打好“翻身仗”\n\n海西前三季度\n\n招商引资到位资金120亿元\n\n本报讯(记者 李庆玲) 记者获悉。", "1");
    expect(page.articles.map((a) => a.title)).toEqual(["标题", "招商引资到位资金120亿元"]);
  });

  it("joins indented-paragraph text whose lines carry no blank lines", () => {
    const text = "标题\r\n\u3000\u3000本报讯(记者 何启明) 第一段开头,\r\n接着写完。\r\n\u3000\u3000第二段。";
    expect(paragraphs(text)).toEqual(["第一段开头,接着写完。", "第二段。"]);
  });

  it("keeps a decimal split at a column break together", () => {
    expect(paragraphs("现场共有7个项目签约,合同金额达3.\n\n4亿元,同比增长。")).toEqual(["现场共有7个项目签约,合同金额达3.4亿元,同比增长。"]);
  });
});

describe("English text", () => {
  const en = (body: string) => parsePage(`Council Backs Plan\n\nBy JANE DOE\n\n${body}`, "A1").articles[0].paragraphs;

  it("joins hard-wrapped lines and rejoins hyphenated words", () => {
    expect(en("Families have waited long enough for a real alter-\nnative to sitting in traffic on Route 9, she said.")).toEqual([
      "Families have waited long enough for a real alternative to sitting in traffic on Route 9, she said.",
    ]);
  });

  it("rejoins a hyphenated word across a column break, keeping real hyphens", () => {
    expect(en("according to the city's transportation depart-\n\nment. It is a self-\ndriving plan.")).toEqual([
      "according to the city's transportation department. It is a self-driving plan.",
    ]);
  });

  it("ends a paragraph at a short last line when paragraphs are not blank-separated", () => {
    const body = [
      "Two lanes of the Elm Street bridge will close for eight weeks starting",
      "Monday while crews replace worn expansion joints and repave the deck,",
      "the public works department said.",
      "Drivers should expect delays during the morning and evening rush hours",
      "on weekdays through the end of the year, officials said on Friday.",
    ].join("\n");
    expect(en(body)).toHaveLength(2);
  });
});

describe("input normalisation", () => {
  it("handles CRLF, full-width spaces, NBSP, zero-width characters and trailing spaces", () => {
    const text = "标题\r\n\r\n本报讯（记者\u00a0何启明）今天,\u200b记者获悉。 \u3000 \r\n";
    const [a] = parsePage(text, "1").articles;
    expect(a.byline).toBe("本报讯（记者 何启明）");
    expect(a.paragraphs).toEqual(["今天,记者获悉。"]);
  });

  it("keeps the text's own punctuation (no NFKC)", () => {
    const [a] = parsePage("标题\n\n本报讯 11月6日,州委书记说:“好!”", "1").articles;
    expect(a.paragraphs[0]).toBe("11月6日,州委书记说:“好!”");
  });
});

describe("page furniture, captions and verse", () => {
  it("drops a masthead, date and issue lines and a page header at the top", () => {
    const text = "星城晚报\n\nXINGCHENG EVENING NEWS\n\n2026年11月20日 星期五 农历十月初二\n\n今日24版 第9126期\n\n3 综合\n\n引题一行\n\n主题一行\n\n本报讯 今天,记者获悉。";
    expect(parsePage(text, "1").articles[0]).toMatchObject({ kicker: "引题一行", title: "主题一行" });
  });

  it("keeps a lone headline ending in 报 that no furniture surrounds", () => {
    expect(parsePage("岚江喜报\n\n本报讯 今天,记者获悉。", "1").articles[0].title).toBe("岚江喜报");
  });

  it("drops captions, rejoining a paragraph a caption interrupts", () => {
    const text = "标题\n\n本报记者 张三\n\n村里修缮了老屋，吸引了一批设计师、手艺\n\n▲ 游客在古戏台前观看表演。 本报记者 张三 摄\n\n人和返乡青年入驻。\n\n图为新修的村道。\n\n第二段。";
    const page = parsePage(text, "5");
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0].paragraphs).toEqual(["村里修缮了老屋，吸引了一批设计师、手艺人和返乡青年入驻。", "第二段。"]);
  });

  it("keeps a poem's stanzas as paragraphs of one piece", () => {
    const text = "冬夜\n\n□ 阿苇\n\n窗外落着雪\n炉火正红\n母亲在缝衣\n\n她说，明天\n会是晴天";
    const [a, ...rest] = parsePage(text, "8").articles;
    expect(rest).toHaveLength(0);
    expect(a).toMatchObject({ title: "冬夜", byline: "□ 阿苇", paragraphs: ["窗外落着雪\n炉火正红\n母亲在缝衣", "她说，明天\n会是晴天"] });
  });
});
