import { describe, expect, it } from "vitest";
import { joinLines } from "./join-lines";

describe("joinLines", () => {
  it("puts a space between Latin words and none inside Chinese", () => {
    expect(joinLines(["The council met on", "Tuesday."])).toBe("The council met on Tuesday.");
    expect(joinLines(["市民陈女士说，以前去高铁站要倒", "两趟公交。"])).toBe("市民陈女士说，以前去高铁站要倒两趟公交。");
  });
  it("joins mixed text without a space beside Chinese", () => {
    expect(joinLines(["地铁1号线", "全长18.6公里"])).toBe("地铁1号线全长18.6公里");
    expect(joinLines(["价格为 120", "元"])).toBe("价格为 120元");
    expect(joinLines(["the well-", "known bridge"])).toBe("the well-known bridge");
  });
});
