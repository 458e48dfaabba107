// Layouts that depart from the common page: page headers printed one item per line, kickers
// printed after their titles, scrambled column order, numbered section heads, sidebar boxes, wire
// photo captions, institutional bylines, English sentence-case headlines, factboxes, pull quotes.
import { describe, expect, it } from "vitest";
import { isBylineLine } from "./bylines";
import { isCaption } from "./captions";
import { assignHeadingRoles, isColumnLabel, isSidebarLabel } from "./headings";
import { parsePage } from "./index";

const parse = (text: string) => parsePage(text, "1").articles;
const body = "市里今天召开会议，研究部署下一阶段的重点工作，要求各部门抓好落实。";
const dated = `本报讯（记者 张三）${body}`;

describe("page headers printed one item per line", () => {
  it.each([
    ["5 / section / date / editor", "5\n\n要闻\n\n2024年11月23日 星期六\n\n责任编辑：王五"],
    ["section first, then the label", "文化\n\n7\n\n2024年11月22日 星期五 责任编辑:蒋雯"],
    ["date, section, editor, label", "2024年11月21日 星期四\n\n法治·社会\n\n责任编辑:何晓静\n\n5"],
    ["no blank lines", "2\n县域经济\n2024年11月25日 星期一"],
  ])("%s", (_name, header) => {
    const articles = parse(`${header}\n\n开工仪式隆重举行\n\n${dated}`);
    expect(articles).toHaveLength(1);
    expect(articles[0].title).toBe("开工仪式隆重举行");
    expect(articles[0].kicker).toBeNull();
  });

  it("keeps a short line right above the title (a kicker or column), even under a header", () => {
    const [a] = parse(`6\n\n乡村振兴\n\n2024年11月22日 星期五\n\n政策解读\n\n补贴怎么领？\n\n${dated}`);
    expect(a.column).toBe("政策解读");
    expect(a.title).toBe("补贴怎么领？");
  });

  it("keeps a lone short first line that no header line touches", () => {
    expect(parse(`喜报\n\n${dated}`)[0].title).toBe("喜报");
  });

  it("drops an English header whose parts are split by bars, masthead included", () => {
    const [a] = parse("A7 | LOCAL | The Cedar Valley Courier | Thursday, November 21, 2024\n\nLIBRARY: Construction could\nstart as early as April\nContinued from A1\n\nLindqvist said the city will seek bids in January.");
    expect(a.title).toBe("LIBRARY: Construction could start as early as April");
    expect(a.jumpFrom).toBe("A1");
    expect(a.kicker).toBeNull();
  });
});

describe("a kicker printed after its title", () => {
  it("takes the lead-in clause (…时强调) as the kicker", () => {
    const roles = assignHeadingRoles([{ text: "抢抓四季度黄金期", role: "heading" }, { text: "市长在调研重点项目建设时强调", role: "heading" }], false);
    expect(roles).toMatchObject({ kicker: "市长在调研重点项目建设时强调", title: "抢抓四季度黄金期" });
  });

  it("leaves the usual order alone", () => {
    const roles = assignHeadingRoles([{ text: "市长在调研重点项目建设时强调", role: "heading" }, { text: "抢抓四季度黄金期", role: "heading" }], false);
    expect(roles).toMatchObject({ kicker: "市长在调研重点项目建设时强调", title: "抢抓四季度黄金期" });
  });
});

describe("columns extracted out of order", () => {
  it("gives the cut sentence its end back and the headline its dateline story", () => {
    const page = `老旧小区改造惠及居民\n\n本报记者 黄思雨\n\n今年的改造坚持先民生后提升，把老旧小区改造和\n\n江州港集装箱吞吐量\n\n提前41天突破百万标箱\n\n完整社区建设结合起来，增设养老托育设施。\n\n明年将再启动一批项目。\n\n本报讯（记者 刘海波）11月18日，江州港吞吐量突破100万标箱。`;
    const [a, b] = parse(page);
    expect(a.paragraphs).toEqual(["今年的改造坚持先民生后提升，把老旧小区改造和完整社区建设结合起来，增设养老托育设施。", "明年将再启动一批项目。"]);
    expect(b).toMatchObject({ kicker: "江州港集装箱吞吐量", title: "提前41天突破百万标箱" });
    expect(b.paragraphs[0]).toMatch(/^11月18日/);
  });

  it("does nothing when the story above ended its sentence", () => {
    const page = `老旧小区改造惠及居民\n\n${body}\n\n港口吞吐量创新高\n\n另一条消息的正文在这里。\n\n${dated}`;
    // (read as an in-body subhead, as before: the headline block is not moved)
    expect(parse(page)[0].paragraphs).toEqual([body, "港口吞吐量创新高", "另一条消息的正文在这里。"]);
  });
});

describe("small Chinese rules", () => {
  it("keeps a numbered section head ending in a quote as its own paragraph", () => {
    const [a] = parse(`标题在此\n\n${dated}\n\n四、返还赃款：“钱回来了，心也安了”\n\n民警将追回的钱款送到老人手中，老人连声道谢`);
    expect(a.paragraphs[1]).toBe("四、返还赃款：“钱回来了，心也安了”");
    expect(a.paragraphs).toHaveLength(3);
  });

  it("makes 链接 over short paragraphs a sidebar of its own", () => {
    const articles = parse(`书评标题\n\n${dated}\n\n链接\n\n《河湾纪事》，林远舟著，2024年9月出版。\n\n林远舟，1968年生于江州市。`);
    expect(articles).toHaveLength(2);
    expect(articles[1]).toMatchObject({ column: "链接", title: null, kicker: null });
    expect(articles[1].paragraphs).toHaveLength(2);
    expect(isSidebarLabel("相关链接")).toBe(true);
    expect(isSidebarLabel("链接世界")).toBe(false);
  });

  it("takes wire photo captions for captions", () => {
    expect(isCaption("11月20日，行人从美联储大楼前经过。（新华社发）")).toBe(true);
    expect(isCaption("该消息由新华社发布。")).toBe(false);
  });

  it("reads an institution and a name as a byline", () => {
    expect(isBylineLine("县农技推广中心　韩永胜".replace("　", " "))).toBe(true);
    expect(isBylineLine("县农技推广中心 推广")).toBe(false);
  });

  it("knows standing labels ending in 解读 / 课堂", () => {
    expect(isColumnLabel("政策解读", false)).toBe(true);
    expect(isColumnLabel("农技课堂", false)).toBe(true);
  });
});

describe("English layout", () => {
  const story = "CEDAR FALLS — The council voted 5-2 Tuesday to approve\nthe expansion of the library.";

  it("reads a sentence-case two-line headline and its deck above a byline", () => {
    const [a] = parse(`Library expansion: Council OKs\n$4.2M wing after two-year fight\n\nConstruction could begin by April\n\nBy Maria Delgado\n\n${story}`);
    expect(a).toMatchObject({ title: "Library expansion: Council OKs $4.2M wing after two-year fight", subtitle: "Construction could begin by April" });
  });

  it("keeps a factbox apart, one item a paragraph, and the next headline whole", () => {
    const page = `${story}\n\nBy the numbers\n\n$4.2 million: total cost of the project\n\n9,800: square feet in the new wing\n\n5-2: the council vote on Tuesday\n\nLeaf pickup begins Monday,\nwith new rules for bags\n\nBy Tom Ruiz\n\n${story}`;
    const [first, box, next] = parse(page);
    expect(first.paragraphs).toHaveLength(1);
    expect(box.title).toBe("By the numbers");
    expect(box.paragraphs).toHaveLength(3);
    expect(next.title).toBe("Leaf pickup begins Monday, with new rules for bags");
  });

  it("still rejoins a one-line paragraph start cut by a column break", () => {
    const [a] = parse(`Headline Over The Story\n\nBy Maria Delgado\n\nThe council said on Tuesday that\n\nit would vote again next month.`);
    expect(a.paragraphs).toEqual(["The council said on Tuesday that it would vote again next month."]);
  });

  it("keeps a pull quote with its attribution, apart from the text around it", () => {
    const page = `Headline Over The Story\n\nBy Maria Delgado\n\n${story}\n\n“We built this for the kid\nwho needs a quiet place.”\n— Janet Okafor, library director\n\n“I love the library,” Hoffman said.`;
    const [a] = parse(page);
    expect(a.paragraphs).toHaveLength(3);
    expect(a.paragraphs[1]).toBe("“We built this for the kid who needs a quiet place.” — Janet Okafor, library director");
  });
});
