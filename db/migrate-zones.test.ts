// Migration 0005 on a database that already holds zones: each old single rectangle becomes a
// one-rectangle zone list, and a piece without one gets none.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { describe, expect, it } from "vitest";
import { migrationsFolder } from "./client";

type Journal = { entries: { idx: number; tag: string }[] };

/** A copy of the migrations folder whose journal stops before `tag`. */
function foldersUpTo(tag: string) {
  const dir = mkdtempSync(join(tmpdir(), "banmian-mig-"));
  cpSync(migrationsFolder(), dir, { recursive: true });
  const journal = JSON.parse(readFileSync(join(dir, "meta", "_journal.json"), "utf8")) as Journal;
  const cut = journal.entries.findIndex((e) => e.tag === tag);
  writeFileSync(join(dir, "meta", "_journal.json"), JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  return dir;
}

describe("migration 0005_page_words", () => {
  it("moves each piece's rectangle into its zone list and drops the old columns", () => {
    const sqlite = new Database(":memory:");
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: foldersUpTo("0005_page_words") });
    sqlite.exec(`insert into papers (slug, name) values ('p', 'P');
      insert into issues (paper_id, date) values (1, '2026-11-20');
      insert into pages (issue_id, label, position) values (1, '1', 0);
      insert into articles (issue_id) values (1), (1);
      insert into pieces (article_id, page_id, seq, position, paragraphs, x, y, w, h) values (1, 1, 0, 0, '[]', 0.1, 0.2, 0.3, 0.4);
      insert into pieces (article_id, page_id, seq, position, paragraphs) values (2, 1, 0, 1, '[]');`);
    migrate(db, { migrationsFolder: migrationsFolder() });
    const rows = sqlite.prepare("select zones from pieces order by id").all() as { zones: string }[];
    expect(rows.map((r) => JSON.parse(r.zones))).toEqual([[{ x: 0.1, y: 0.2, w: 0.3, h: 0.4 }], []]);
    const columns = (sqlite.prepare("pragma table_info(pieces)").all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain("x");
    expect(columns).toContain("imported");
    expect(sqlite.prepare("select count(*) as n from page_lines").get()).toEqual({ n: 0 });
  });
});
