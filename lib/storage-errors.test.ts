import { describe, expect, it } from "vitest";
import { storageFailure } from "./storage-errors";

describe("storageFailure", () => {
  it("recognises a full disk and a held write lock, also wrapped", () => {
    expect(storageFailure(Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" }))).toBe("full");
    expect(storageFailure(Object.assign(new Error("no space"), { code: "ENOSPC" }))).toBe("full");
    expect(storageFailure(new Error("wrapped", { cause: Object.assign(new Error("busy"), { code: "SQLITE_BUSY" }) }))).toBe("busy");
    expect(storageFailure(new Error("other"))).toBeNull();
  });
});
