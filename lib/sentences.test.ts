import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences";

describe("splitSentences", () => {
  it("ends sentences at Chinese stops, keeping closing quotes", () => {
    const s = splitSentences("今天开通。“你好！”他说。还有吗？");
    expect(s.map((x) => x.text)).toEqual(["今天开通。", "“你好！”", "他说。", "还有吗？"]);
  });

  it("keeps offsets that point back into the text", () => {
    const text = "  第一句。 第二句";
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("cuts a long run at a comma and drops bare punctuation", () => {
    const long = `${"很长的一段话，".repeat(20)}完。`;
    const s = splitSentences(`${long}……`);
    expect(s.length).toBeGreaterThan(1);
    expect(s.every((x) => x.text.length <= 91)).toBe(true);
    expect(s.map((x) => x.text).join("")).toBe(`${long}……`);
  });
});
