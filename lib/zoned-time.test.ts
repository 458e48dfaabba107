import { describe, expect, it } from "vitest";
import { zonedLocalToUtc } from "./zoned-time";

describe("zonedLocalToUtc", () => {
  it("uses the offset in force at the scheduled time, not today's", () => {
    // Berlin is UTC+1 in winter and UTC+2 in summer: a July time must not get January's offset.
    expect(zonedLocalToUtc("2027-01-15T09:00", "Europe/Berlin")?.toISOString()).toBe("2027-01-15T08:00:00.000Z");
    expect(zonedLocalToUtc("2027-07-15T09:00", "Europe/Berlin")?.toISOString()).toBe("2027-07-15T07:00:00.000Z");
  });
  it("reads the newsroom's zone", () => {
    expect(zonedLocalToUtc("2026-11-27T06:00", "Asia/Shanghai")?.toISOString()).toBe("2026-11-26T22:00:00.000Z");
  });
  it("refuses a malformed time or zone", () => {
    expect(zonedLocalToUtc("2027-02-30T09:00", "Asia/Shanghai")).toBeNull();
    expect(zonedLocalToUtc("2027-01-15T09:00", "Mars/Olympus")).toBeNull();
  });
});
