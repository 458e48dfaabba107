// The error model: each expected failure carries a code, its HTTP status follows from the code,
// and only an AppError's own message is ever shown; anything else gets the plain sentence.
import { describe, expect, it } from "vitest";
import { AppError, EditError, publicMessage, statusOf } from "./errors";
import { DecodeError } from "./text-decode";
import { StorageFullError, UploadError } from "./uploads";

describe("error model", () => {
  it("maps each failure to its status and message", () => {
    expect(statusOf(new EditError("not_found", "没有这一期"))).toBe(404);
    expect(statusOf(new UploadError("只接受图片"))).toBe(422);
    expect(statusOf(new UploadError("图片不能超过 30 MB", "too_large"))).toBe(413);
    expect(statusOf(new StorageFullError())).toBe(507);
    expect(statusOf(new DecodeError("the file is empty"))).toBe(400);
    expect(publicMessage(new UploadError("只接受图片"))).toBe("只接受图片");
  });

  it("never shows the message of an unexpected error", () => {
    const leak = new Error("SQLITE_CONSTRAINT: UNIQUE constraint failed: users.email");
    expect(statusOf(leak)).toBe(500);
    expect(publicMessage(leak)).not.toContain("SQLITE");
    expect(publicMessage(new AppError("busy"))).toBe("系统繁忙，请稍后重试");
  });
});
