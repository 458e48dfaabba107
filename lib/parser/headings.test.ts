import { describe, expect, it } from "vitest";
import { assignHeadingRoles, headlineBelongsToPrevious, isColumnLabel, isHeadingLike } from "./headings";
import { parsePage } from "./index";

describe("isHeadingLike", () => {
  it("accepts short unpunctuated lines", () => {
    for (const s of ["海西前三季度", "探索教育强国的柴达木“答卷”", "职业教育:是时候打破成见了", "家门口的体育公园开放啦!", "小区加装电梯难在哪？"]) {
      expect(isHeadingLike(s, false)).toBe(true);
    }
  });

  it("rejects sentences and fragments", () => {
    for (const s of ["李天林参加。", "“虽然已是第二天,但是洽谈的人", ",服务传统产业转型升级", "还是很多,包括上海市的很多超市"]) {
      expect(isHeadingLike(s, false)).toBe(false);
    }
  });

  it("reads English title case", () => {
    expect(isHeadingLike("Council Backs $2 Billion Light Rail Plan", true)).toBe(true);
    expect(isHeadingLike("with downtown for the first time in more than half a century.", true)).toBe(false);
    expect(isHeadingLike("MILLBROOK — The City Council voted", true)).toBe(false);
  });
});

describe("isColumnLabel", () => {
  it.each(["尊师重教·感念师恩", "望海楼·评论", "【岚江时评】", "今日谈", "岚江简讯"])("%s", (s) => expect(isColumnLabel(s, false)).toBe(true));
  it("is not fooled by a title", () => expect(isColumnLabel("招商引资到位资金120亿元", false)).toBe(false));
});

describe("assignHeadingRoles", () => {
  const h = (text: string) => ({ text, role: "heading" as const });
  const sub = (text: string) => ({ text, role: "subtitle" as const });

  it("reads kicker over title, and a dash line under it as the subtitle", () => {
    expect(assignHeadingRoles([h("引题"), h("主题"), sub("——副题")], false)).toEqual({ kicker: "引题", title: "主题", subtitle: "——副题", column: null });
  });

  it("takes a series label off the top", () => {
    expect(assignHeadingRoles([h("尊师重教·感念师恩"), h("探索教育强国的柴达木“答卷”"), h("职业教育:是时候打破成见了")], false)).toEqual({
      kicker: "探索教育强国的柴达木“答卷”", title: "职业教育:是时候打破成见了", subtitle: null, column: "尊师重教·感念师恩",
    });
  });

  it("reads an English headline and deck", () => {
    expect(assignHeadingRoles([h("CITY HALL"), h("Council Backs Plan"), sub("Vote clears the way")], true)).toEqual({
      kicker: null, title: "Council Backs Plan", subtitle: "Vote clears the way", column: "CITY HALL",
    });
  });
});

describe("headline printed after its story", () => {
  it("compares the headline's words with both stories", () => {
    const previous = "第七届进博会青海交易团集中签约仪式在上海举行,海西州一家企业成功签订化工材料采购协议。";
    const next = "走进城市会客厅特装展区,各类特色农产品摆放齐全。";
    expect(headlineBelongsToPrevious("进博会青海交易团集中签约 海西州一家企业成功签订采购协议", previous, next, true)).toBe(true);
    expect(headlineBelongsToPrevious("城市会客厅成为海西新名片", previous, next, false)).toBe(false);
  });

  it("attaches it to the headless story above and leaves the next headline to the next story", () => {
    const text = [
      "本报杭州讯(记者 林一舟) 11月11日,岚江文化旅游推介会在杭州举行,现场签约文旅项目9个。",
      "推介会上,岚江集中展示了山水风光和古镇文化。",
      "岚江文旅推介会走进杭州 现场签约文旅项目9个",
      "古镇夜游点亮消费新场景",
      "文/图 本报记者 许嘉禾",
      "夜幕降临,青石古镇华灯初上,游船载着游客驶过石拱桥。",
    ].join("\n\n");
    const page = parsePage(text, "1");
    expect(page.articles.map((a) => a.title)).toEqual(["岚江文旅推介会走进杭州 现场签约文旅项目9个", "古镇夜游点亮消费新场景"]);
  });

  it("keeps a kicker with its title when the story above already has a headline", () => {
    const text = "标题甲\n\n本报讯 正文甲。\n\n海西前三季度\n\n招商引资到位资金120亿元\n\n本报讯(记者 李庆玲) 正文乙。";
    expect(parsePage(text, "1").articles[1]).toMatchObject({ kicker: "海西前三季度", title: "招商引资到位资金120亿元" });
  });
});

describe("in-body subheads", () => {
  it("keeps a short line inside a running story as a paragraph of its own", () => {
    const text = "山里的快递站\n\n文/图 本报记者 温岚\n\n清晨六点半,快递员出发了。\n\n小站点里的大民生\n\n据统计,业务量增长三成。";
    const [a] = parsePage(text, "5").articles;
    expect(a.paragraphs).toEqual(["清晨六点半,快递员出发了。", "小站点里的大民生", "据统计,业务量增长三成。"]);
  });
});
