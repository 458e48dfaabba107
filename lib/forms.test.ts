import { describe, expect, it } from "vitest";
import { fields, splitParagraphs } from "./forms";
import { EditError } from "@/lib/errors";

const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  return f;
};

describe("admin form fields", () => {
  it("refuses a NUL byte or another control character in any text field", () => {
    expect(() => fields(form({ slug: "t", name: "临澜\u0000日报" }))).toThrow(EditError);
    expect(() => fields(form({ "paragraphs.3": "正文\u001b[31m" }))).toThrow(/控制字符/);
    expect(() => fields(form({ title: "abc\u202edcba" }))).toThrow(EditError);
  });
  it("keeps tabs and line ends, which are typing", () => {
    expect(fields(form({ text: "一段\r\n\t二段" }))).toEqual({ text: "一段\r\n\t二段" });
  });
});

describe("splitParagraphs", () => {
  it("rejoins a paragraph's lines with a space between Latin words, none in Chinese", () => {
    expect(splitParagraphs("The council met on\nTuesday.\n\n市民说，以前要倒\n两趟公交。")).toEqual([
      "The council met on Tuesday.", "市民说，以前要倒两趟公交。",
    ]);
  });
});
