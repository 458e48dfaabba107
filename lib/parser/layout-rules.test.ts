// Rules added for the second round of blind cases: combined page headers, traditional script,
// untitled-byline stories, flattened tables, wrapped subtitles, wire bylines, photo news, author
// notes and indentation-marked hard-wrapped text.
import { describe, expect, it } from "vitest";
import { isBylineLine, isWireLine, splitDateline, splitEndByline } from "./bylines";
import { splitTrailingCredit } from "./captions";
import { isColumnLabel } from "./headings";
import { parsePage } from "./index";
import { splitMarkers, stripMarkers } from "./markers";
import { foldScript } from "./script";
import { displayWidth, isTableRowShape } from "./text";

const parse = (text: string) => parsePage(text, "1").articles;
const body = "市里今天召开会议，研究部署下一阶段的重点工作，要求各部门抓好落实。";

describe("combined running headers are furniture", () => {
  it.each([
    "A1 要聞　　　　　　　　　　2024年11月21日（星期四）",
    "B1 BUSINESS                                   THURSDAY, NOVEMBER 21, 2024",
    "3 经济    2024年11月20日 星期三",
  ])("%s", (header) => {
    const [a] = parse(`${header}\n\n开工仪式隆重举行\n\n${body}`);
    expect(a.title).toBe("开工仪式隆重举行");
    expect(a.kicker).toBeNull();
  });

  it("keeps a headline with a wide gap that is not a header", () => {
    expect(parse(`前10月全市经济运行稳中向好\n\n主要指标保持平稳增长    新动能加快成长\n\n${body}`)[0].title).toMatch(/新动能/);
  });
});

describe("traditional Chinese", () => {
  it("folds one character for one character", () => {
    const s = "本報訊（記者 陳嘉欣）醫院";
    expect(foldScript(s)).toHaveLength(s.length);
    expect(foldScript(s)).toBe("本报讯（记者 陈嘉欣）醫院");
  });

  it("reads jump markers and keeps the printed text", () => {
    expect(splitMarkers("但關注（下轉A3版）")).toEqual([{ kind: "text", text: "但關注" }, { kind: "to", label: "A3" }]);
    expect(splitMarkers("（上接A1版）")).toEqual([{ kind: "from", label: "A1" }]);
    expect(stripMarkers("車位（續A6版）。")).toBe("車位。");
  });

  it.each(["記者 黃志強", "本報記者 李詠詩", "通訊員 何文傑", "文／圖 本報記者 鄭嘉儀"])("%s is an author line", (l) => {
    expect(isBylineLine(l)).toBe(true);
  });

  it("splits 本報訊 and 【本報訊】 datelines", () => {
    expect(splitDateline("本報訊（記者 陳嘉欣）醫院管理局昨日公布")).toEqual({ byline: "本報訊（記者 陳嘉欣）", rest: "醫院管理局昨日公布" });
    expect(splitDateline("【本報訊】天文台昨日表示")).toEqual({ byline: "【本報訊】", rest: "天文台昨日表示" });
    expect(splitDateline("新華社香港11月20日電 特區政府")?.rest).toBe("特區政府");
    expect(splitEndByline("……的情況。（記者 黃志強）")?.byline).toBe("（記者 黃志強）");
  });

  it("splits a traditional photo credit", () => {
    expect(splitTrailingCredit("農友即場出售果醬。（通訊員 何文傑 攝）")).toEqual({ text: "農友即場出售果醬。", credit: "（通訊員 何文傑 攝）" });
  });
});

describe("a story without an author line after a finished story", () => {
  const first = "老旧小区加装电梯\n\n本报记者 郑凯\n\n今年全市加装电梯386台，另有214台正在施工。\n\n市住建局还简化了审批流程，并对每台电梯给予补贴。";
  it("opens a new story when the title restates the next lead", () => {
    const arts = parse(`${first}\n\n市区新增3条夜间公交线路\n\n为方便市民夜间出行，市公交集团新开通3条夜间公交线路，运营至次日1时。`);
    expect(arts.map((a) => a.title)).toEqual(["老旧小区加装电梯", "市区新增3条夜间公交线路"]);
  });

  it("keeps a loose subhead inside its story", () => {
    const arts = parse(`${first}\n\n难在协调 贵在坚持\n\n东湖街道探索楼长议事机制，由社区党组织牵头组织业主协商。`);
    expect(arts).toHaveLength(1);
    expect(arts[0].paragraphs).toContain("难在协调 贵在坚持");
  });

  it("keeps a subhead after an earlier subhead, even when it restates the text below", () => {
    const arts = parse(`${first}\n\n难在协调——\n\n东湖街道探索楼长议事机制。\n\n审批时间压缩\n\n审批时间由45个工作日压缩至15个工作日，审批时间大幅压缩。`);
    expect(arts).toHaveLength(1);
  });
});

describe("flattened tables", () => {
  it("recognises row shapes", () => {
    expect(isTableRowShape("规上工业营业收入 3862.4 7.5")).toBe(true);
    expect(isTableRowShape("数据显示，全市 3862.4")).toBe(false);
  });

  it("keeps the rows and the prose after them in the article", () => {
    const arts = parse(`经济运行稳中向好\n\n本报讯 数据显示，主要指标如下：\n\n指标 绝对值(亿元) 同比增长(%)\n\n固定资产投资 1935.6 4.1\n\n进出口总额 682.4 -3.2\n\n从产业结构看，工业生产稳中有升。`);
    expect(arts).toHaveLength(1);
    expect(arts[0].paragraphs).toHaveLength(5);
    expect(arts[0].paragraphs[2]).toBe("固定资产投资 1935.6 4.1");
  });
});

describe("headline blocks", () => {
  it("joins a ——subtitle wrapped onto a second line", () => {
    const [a] = parse(`以钉钉子精神抓好改革任务\n\n——省委改革委员会第五次会议召开 林启航主持\n并讲话\n\n本报讯(记者 吴敏) ${body}`);
    expect(a.title).toBe("以钉钉子精神抓好改革任务");
    expect(a.subtitle).toBe("——省委改革委员会第五次会议召开 林启航主持并讲话");
  });

  it.each(["Reuters", "Bloomberg", "AP", "新华社", "中新社"])("takes a lone %s as the byline", (wire) => {
    expect(isWireLine(wire)).toBe(true);
    const text = wire.length > 3 && /[a-z]/.test(wire)
      ? `TECHNOLOGY\n\nChipmaker shares jump on record orders\n\n${wire}\n\nShares of Kestrel surged 14% in Taipei trading on Thursday after record orders.`
      : `芯片企业订单创新高\n\n${wire}\n\n${body}`;
    expect(parse(text).find((a) => a.byline === wire)).toBeTruthy();
  });

  it("reads 图片新闻 as a column", () => expect(isColumnLabel("图片新闻", false)).toBe(true));
});

describe("photo news", () => {
  const page = "图片新闻\n\n初雪映古城\n\n11月20日，游客在古城墙上拍照。（本报记者 刘洋 摄）\n\n工地上的暖心驿站\n\n11月18日，工人们在驿站内休息取暖。\n\n（通讯员 贺文斌 摄）\n\n小小志愿者\n\n11月17日，小志愿者们发放宣传手册。（本报记者 宋佳 通讯员 龙涛 摄）";
  it("moves credits to the bylines and drops no item", () => {
    const arts = parse(page);
    expect(arts.map((a) => [a.title, a.byline, a.paragraphs.length])).toEqual([
      ["初雪映古城", "（本报记者 刘洋 摄）", 1],
      ["工地上的暖心驿站", "（通讯员 贺文斌 摄）", 1],
      ["小小志愿者", "（本报记者 宋佳 通讯员 龙涛 摄）", 1],
    ]);
    expect(arts[0].column).toBe("图片新闻");
    expect(arts[0].paragraphs[0]).toBe("11月20日，游客在古城墙上拍照。");
  });
});

describe("opinion pages", () => {
  it("keeps an author note with its piece and reads 观潮 as a column", () => {
    const arts = parse(`来论\n\n让银发经济成色更足\n\n林晓峰\n\n${body}\n\n(作者系澄江大学公共管理学院副教授)\n\n观潮\n\n小切口里见治理温度\n\n□ 陈默\n\n${body}`);
    expect(arts).toHaveLength(2);
    expect(arts[0].paragraphs.at(-1)).toBe("(作者系澄江大学公共管理学院副教授)");
    expect(arts[1]).toMatchObject({ column: "观潮", title: "小切口里见治理温度", kicker: null });
  });
});

describe("indentation-marked hard-wrapped text", () => {
  it("counts half-width characters as half", () => expect(displayWidth("2024年AB")).toBe(4));

  it("runs a dateline line on into the next line", () => {
    const lines = [
      "市图书馆推出深夜书房", "　　本报讯（记者 邵琳）11月起，市图", "书馆二楼阅览区每周五、周六延长开放至",
      "晚上11点，推出深夜书房服务。读者凭", "读者证即可入馆，馆内提供免费热水。", "　　馆长韩雪梅介绍，深夜书房试运行两",
      "周以来，已接待读者3100余人次，其中", "年轻上班族占六成以上，反响很好。", "　　下一步，图书馆将在三个分馆推广这",
      "一做法，并根据读者需求调整开放时间", "和服务内容，方便更多市民夜间阅读。",
    ];
    const [a] = parse(lines.join("\n"));
    expect(a.byline).toBe("本报讯（记者 邵琳）");
    expect(a.paragraphs).toHaveLength(3);
    expect(a.paragraphs[0]).toMatch(/^11月起，市图书馆二楼/);
  });
});
