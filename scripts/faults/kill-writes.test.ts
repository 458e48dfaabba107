// The quick form of `npm run faults`' first case: a writer killed with SIGKILL mid-import loses
// nothing it acknowledged and leaves no half-written issue.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { killWrites } from "./kill-writes";

const dir = mkdtempSync(join(tmpdir(), "banmian-kill-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("SIGKILL during imports and publishes", () => {
  it("loses no acknowledged write and leaves every issue whole", async () => {
    const r = await killWrites(dir, 3);
    expect(r).toMatchObject({ lost: 0, halfWritten: 0, integrityFailures: 0 });
  }, 180_000);
});
