import { describe, expect, it } from "vitest";
import { parsePage } from "./index";
import { splitMarkers } from "./markers";

describe("splitMarkers", () => {
  it.each([
    ["(下转三版)", "to", "3"],
    ["（下转第3版）", "to", "3"],
    ["（转A3版）", "to", "A3"],
    ["(转第2版)", "to", "2"],
    ["（下转B02版）", "to", "B2"],
    ["(下转第十二版)", "to", "12"],
    ["(上接一版)", "from", "1"],
    ["(上接第1版)", "from", "1"],
    ["（紧接1版）", "from", "1"],
    ["(接第3版)", "from", "3"],
    ["（上接Ａ１版）", "from", "A1"],
    ["Continued on Page A6", "to", "A6"],
    ["(Continued on page 3)", "to", "3"],
    ["See TRANSIT, Page A6", "to", "A6"],
    ["See TRANSIT on Page A6", "to", "A6"],
    ["Continued from Page A1", "from", "A1"],
    ["TRANSIT, from Page A1", "from", "A1"],
    ["BUDGET, from A1", "from", "A1"],
    ["(From page 3)", "from", "3"],
  ])("%s is a jump %s page %s", (line, kind, label) => {
    expect(splitMarkers(line)).toEqual([{ kind, label }]);
  });

  it.each(["Authority trims weekday service from 22", "round trips to 16", "the strike continued on 12", "a drop from 12"])(
    "leaves prose ending in a number alone: %s",
    (line) => expect(splitMarkers(line)).toEqual([{ kind: "text", text: line }]),
  );

  it("keeps the text before a jump-out marker", () => {
    expect(splitMarkers("更有价值和意义。”(下转三版)")).toEqual([
      { kind: "text", text: "更有价值和意义。”" },
      { kind: "to", label: "3" },
    ]);
    expect(splitMarkers("…共吸引市民参与。下转第6版")).toEqual([
      { kind: "text", text: "…共吸引市民参与。" },
      { kind: "to", label: "6" },
    ]);
    expect(splitMarkers("the council said. See TRANSIT, Page A6")).toEqual([
      { kind: "text", text: "the council said." },
      { kind: "to", label: "A6" },
    ]);
  });

  it("splits a jump headline from its 上接 marker, and a marker from the text after it", () => {
    expect(splitMarkers("城市会客厅成为海西新名片(上接一版)")).toEqual([
      { kind: "text", text: "城市会客厅成为海西新名片" },
      { kind: "from", label: "1" },
    ]);
    expect(splitMarkers("（上接第1版）社会工作")).toEqual([
      { kind: "from", label: "1" },
      { kind: "text", text: "社会工作" },
    ]);
    expect(splitMarkers("上接第1版 截至目前")).toEqual([
      { kind: "from", label: "1" },
      { kind: "text", text: "截至目前" },
    ]);
  });

  it("leaves ordinary prose alone", () => {
    for (const line of ["转3个弯就到了", "residents see it on page 3 daily", "接1个电话", "(转发)", "see you, page boy"]) {
      expect(splitMarkers(line)).toEqual([{ kind: "text", text: line }]);
    }
  });
});

describe("jumps in parsed pages", () => {
  it("sets jumpTo and removes the marker, even after an in-body subhead", () => {
    const page = parsePage("标题一行\n\n本报讯(记者 张三) 正文第一段。\n\n小标题跑出“加速度”——(下转三版)\n\n另一篇\n\n本报讯 正文。", "1");
    expect(page.articles[0].jumpTo).toBe("3");
    expect(page.articles[0].paragraphs).toEqual(["正文第一段。", "小标题跑出“加速度”——"]);
    expect(page.articles[1].title).toBe("另一篇");
  });

  it("makes a continuation its own piece, titled by the jump headline above it", () => {
    const page = parsePage("前文结束。\n\n城市会客厅成为新名片\n\n(上接一版)\n\n还是很多,包括超市。", "3");
    expect(page.articles.map((a) => [a.title, a.jumpFrom, a.paragraphs])).toEqual([
      [null, null, ["前文结束。"]],
      ["城市会客厅成为新名片", "1", ["还是很多,包括超市。"]],
    ]);
  });

  it("gives a continuation without a jump headline no title", () => {
    const page = parsePage("(上接第1版)在课堂上,学生们从磨刀学起。", "3");
    expect(page.articles[0]).toMatchObject({ title: null, jumpFrom: "1", paragraphs: ["在课堂上,学生们从磨刀学起。"] });
  });
});
