import { describe, expect, it } from "vitest";
import { accessToday, canReadFullText, gatePieces, isFreeToAll, openingOf, type AccessPolicy } from "./access";

const archive7: AccessPolicy = { policy: "archive", freeDays: 7, freePages: [], meter: 0 };
const subs: AccessPolicy = { policy: "subscribers", freeDays: 0, freePages: ["1"], meter: 0 };
const open: AccessPolicy = { policy: "open", freeDays: 0, freePages: [], meter: 0 };
const today = "2026-11-26";

describe("isFreeToAll", () => {
  it("open: everything, whatever its age or page", () => {
    expect(isFreeToAll(open, { issueDate: "1999-01-01", pageLabel: "7" }, today)).toBe(true);
  });
  it("archive: the newest N days are free, the day before is not", () => {
    expect(isFreeToAll(archive7, { issueDate: "2026-11-26", pageLabel: "3" }, today)).toBe(true);
    expect(isFreeToAll(archive7, { issueDate: "2026-11-20", pageLabel: "3" }, today)).toBe(true);
    expect(isFreeToAll(archive7, { issueDate: "2026-11-19", pageLabel: "1" }, today)).toBe(false);
  });
  it("archive: an issue dated ahead of today counts as new; 0 days frees nothing", () => {
    expect(isFreeToAll(archive7, { issueDate: "2026-11-27", pageLabel: "1" }, today)).toBe(true);
    expect(isFreeToAll({ ...archive7, freeDays: 0 }, { issueDate: today, pageLabel: "1" }, today)).toBe(false);
  });
  it("archive counts calendar days across a month and a leap day", () => {
    const p = { ...archive7, freeDays: 2 };
    expect(isFreeToAll(p, { issueDate: "2028-02-29", pageLabel: "1" }, "2028-03-01")).toBe(true);
    expect(isFreeToAll(p, { issueDate: "2028-02-28", pageLabel: "1" }, "2028-03-01")).toBe(false);
  });
  it("subscribers: only the chosen pages are free", () => {
    expect(isFreeToAll(subs, { issueDate: today, pageLabel: "1" }, today)).toBe(true);
    expect(isFreeToAll(subs, { issueDate: today, pageLabel: "2" }, today)).toBe(false);
    expect(isFreeToAll(subs, { issueDate: today, pageLabel: "A1" }, today)).toBe(false);
  });
});

describe("canReadFullText", () => {
  const old = { issueDate: "2026-01-01", pageLabel: "2" };
  it("anonymous and non-subscribers are refused gated content; subscribers read it", () => {
    expect(canReadFullText(archive7, old, null, today)).toBe(false);
    expect(canReadFullText(archive7, old, { subscriber: false }, today)).toBe(false);
    expect(canReadFullText(archive7, old, { subscriber: true }, today)).toBe(true);
  });
  it("the meter only helps a signed-in reader, and only when the paper has one", () => {
    expect(canReadFullText(archive7, old, { subscriber: false, meterAllows: true }, today)).toBe(false);
    const metered = { ...archive7, meter: 3 };
    expect(canReadFullText(metered, old, { subscriber: false, meterAllows: true }, today)).toBe(true);
    expect(canReadFullText(metered, old, { subscriber: false, meterAllows: false }, today)).toBe(false);
    expect(canReadFullText(metered, old, null, today)).toBe(false);
  });
});

describe("accessToday", () => {
  it("is China's calendar date: 16:00 UTC is already the next day", () => {
    expect(accessToday(new Date("2026-11-25T15:59:59Z"))).toBe("2026-11-25");
    expect(accessToday(new Date("2026-11-25T16:00:00Z"))).toBe("2026-11-26");
  });
});

describe("openingOf", () => {
  it("keeps whole paragraphs within the budget and cuts the last one", () => {
    expect(openingOf(["一二三", "四五六七八"], 5)).toEqual(["一二三", "四五…"]);
    expect(openingOf(["一二三"], 10)).toEqual(["一二三"]);
  });
  it("never gives more than the budget of text", () => {
    const long = Array.from({ length: 30 }, (_, i) => "字".repeat(i + 10));
    expect(openingOf(long, 120).join("").replace("…", "").length).toBe(120);
  });
  it("gatePieces leaves the opening on the first piece and empties the jumps", () => {
    const gated = gatePieces([{ id: 1, paragraphs: ["甲".repeat(200)] }, { id: 2, paragraphs: ["续篇正文"] }], 50);
    expect(gated[0].paragraphs.join("").length).toBe(51);
    expect(gated[1]).toEqual({ id: 2, paragraphs: [] });
  });
});
