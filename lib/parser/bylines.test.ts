import { describe, expect, it } from "vitest";
import { isBylineLine, splitDateline, splitEndByline } from "./bylines";
import { parsePage } from "./index";

describe("isBylineLine", () => {
  it.each([
    "本报记者 马春香 吴婷婷", "文/图 本报记者 边红霞 李颖红", "本报记者 孙丹丹 文/图", "通讯员 李四 王五", "□ 张三",
    "□ 本报评论员", "本报评论员", "新华社记者 王五 赵六", "本报记者 张三 通讯员 李四", "本报记者　王蕾", "By JANE DOE",
    "By Jane Doe and John Roe", "本报记者 欧阳晓梅", "记者 阿卜杜拉·买买提",
  ])("%s is an author line", (line) => expect(isBylineLine(line)).toBe(true));

  it.each([
    "城市会客厅成为海西新名片", "海西前三季度", "尊师重教·感念师恩", "By the way we went", "记者从市统计局获悉,今年以来全市",
    "本报记者来到了现场看到", "张三 李四",
  ])("%s is not", (line) => expect(isBylineLine(line)).toBe(false));
});

describe("splitDateline", () => {
  it.each([
    ["本报讯(通讯员 李元错) 11月6日,州委书记", "本报讯(通讯员 李元错)", "11月6日,州委书记"],
    ["本报上海讯(记者 边红霞 李颖红) 11月6日,第七届", "本报上海讯(记者 边红霞 李颖红)", "11月6日,第七届"],
    ["青海日报讯(记者 李庆玲) 记者11月6日从", "青海日报讯(记者 李庆玲)", "记者11月6日从"],
    ["新华社北京11月6日电（记者 张三 李四）国务院", "新华社北京11月6日电（记者 张三 李四）", "国务院"],
    ["本报北京11月6日电　国务院", "本报北京11月6日电", "国务院"],
    ["本报讯 记者 张三 通讯员 李四 近日，某某", "本报讯 记者 张三 通讯员 李四", "近日，某某"],
    ["本报讯 近日，市", "本报讯", "近日，市"],
  ])("%s", (paragraph, byline, rest) => {
    expect(splitDateline(paragraph.replace(/\u3000/g, " "))).toEqual({ byline, rest });
  });

  it("does not take prose for a dateline", () => {
    for (const p of ["本报记者从市统计局获悉,今年以来", "本报推出的短视频电台节目", "新华社记者在现场看到"]) {
      expect(splitDateline(p)).toBeNull();
    }
  });
});

describe("splitEndByline", () => {
  it("takes a closing author note off the last paragraph", () => {
    expect(splitEndByline("……全天免费开放。(通讯员 宋佳)")).toEqual({ text: "……全天免费开放。", byline: "(通讯员 宋佳)" });
    expect(splitEndByline("（记者 张三 通讯员 李四）")).toEqual({ text: "", byline: "（记者 张三 通讯员 李四）" });
  });

  it("accepts bare names only on a line of their own", () => {
    expect(splitEndByline("（林舟）")).toEqual({ text: "", byline: "（林舟）" });
    expect(splitEndByline("在会展中心（张三）")).toBeNull();
    expect(splitEndByline("（以下简称进博会）")).toBeNull();
    expect(splitEndByline("本报讯(记者 何启明 通讯员 柯颖)")).toBeNull();
  });
});

describe("bylines in parsed pages", () => {
  it("moves 本报讯(…) into the byline and starts the paragraph at the news", () => {
    const [a] = parsePage("标题\n\n本报讯(通讯员 李元错) 11月6日,州委书记到县里调研。", "1").articles;
    expect(a.byline).toBe("本报讯(通讯员 李元错)");
    expect(a.paragraphs[0]).toBe("11月6日,州委书记到县里调研。");
  });

  it("keeps an author line printed above the headline with its piece", () => {
    const page = parsePage("上一篇结束。\n\n本报评论员\n\n把承诺落到实处\n\n营商环境是企业生存发展的土壤。", "4");
    expect(page.articles[1]).toMatchObject({ title: "把承诺落到实处", byline: "本报评论员" });
  });

  it("reads a bare name between a headline and the text as the author, a bare short title as a title", () => {
    const signed = parsePage("人民时评\n\n让适老化改造不止于纸面\n\n王清越\n\n改造不能只停留在纸面上，要落到实处。", "4");
    expect(signed.articles[0]).toMatchObject({ column: "人民时评", title: "让适老化改造不止于纸面", byline: "王清越" });
    const title = parsePage("春天来了\n\n花开满城\n\n今年的春天来得早，公园里的花都开了。", "4");
    expect(title.articles[0]).toMatchObject({ kicker: "春天来了", title: "花开满城", byline: null });
  });

  it("closes a story with an author note at its end", () => {
    const page = parsePage("公园开放啦\n\n本报讯 近日,公园开放。\n\n(记者 陈晓岚 通讯员 季芸)\n\n另一条消息。", "2");
    expect(page.articles[0].byline).toBe("本报讯 (记者 陈晓岚 通讯员 季芸)");
    expect(page.articles).toHaveLength(2);
  });
});
