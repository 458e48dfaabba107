import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDb } from "../../db/client";
import { ArchiveExistsError, archiveDates, generateArchive } from "./generate";

const paper = { slug: "lanjiang", name: "澜江晨报" };

describe("generateArchive", () => {
  it("writes one published issue a day, oldest first, with both jumps of each linked", () => {
    const db = openDb(":memory:");
    const s = generateArchive(db, { paper, lastDate: "2026-03-01", issues: 3, seed: 1, batchSize: 2 });
    expect(s).toMatchObject({ from: "2026-02-27", to: "2026-03-01", issues: 3, pages: 24, articles: 192, jumpsLinked: 6 });
    const statuses = db.all<{ status: string }>(sql`select status from issues order by date`);
    expect(statuses.map((r) => r.status)).toEqual(["published", "published", "published"]);
  });

  it("gives the same text for the same seed", () => {
    const bodies = () => {
      const db = openDb(":memory:");
      generateArchive(db, { paper, lastDate: "2026-03-01", issues: 2, seed: 7 });
      return db.all<{ p: string }>(sql`select paragraphs as p from pieces order by id`).map((r) => r.p);
    };
    expect(bodies()).toEqual(bodies());
  });

  it("refuses a paper that is already there unless forced, and then replaces its issues", () => {
    const db = openDb(":memory:");
    generateArchive(db, { paper, lastDate: "2026-03-01", issues: 2, seed: 1 });
    expect(() => generateArchive(db, { paper, lastDate: "2026-03-01", issues: 1, seed: 1 })).toThrow(ArchiveExistsError);
    generateArchive(db, { paper, lastDate: "2026-05-01", issues: 1, seed: 1, force: true });
    expect(db.all<{ date: string }>(sql`select date from issues`).map((r) => r.date)).toEqual(["2026-05-01"]);
  });

  it("counts dates across month and leap-day boundaries", () => {
    expect(archiveDates("2024-03-01", 3)).toEqual(["2024-02-28", "2024-02-29", "2024-03-01"]);
  });
});
