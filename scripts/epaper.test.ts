// The CLI as newsroom scripts use it: a real process, a real SQLite file.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "epaper-cli-"));

function epaper(args: string[], { db = join(dir, "cli.db"), input, env = {} }: { db?: string; input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/epaper.ts", ...args], {
    encoding: "utf8", input, env: { ...process.env, DATABASE_PATH: db, EPAPER_SERVER_URL: "http://127.0.0.1:9", ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Rows in a table; a database file that was never created holds none. */
function count(db: string, table: string): number {
  if (!existsSync(db)) return 0;
  const sqlite = new Database(db, { readonly: true });
  try {
    return (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

const PAGE1 = `地铁一号线首段今日开通

本报讯（记者 程雨桐）11月26日上午，临澜地铁一号线首段开通运营，全长18.6公里。

首班车从高铁站出发，车厢里坐满了早起的市民。(下转三版)
`;
const PAGE3 = `地铁首段开通(上接一版)

市民陈女士说，以前去高铁站要倒两趟公交，现在二十分钟就到了。
`;

function write(name: string, content: string | Buffer) {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe("epaper parse", () => {
  it("prints the contract's JSON for a page", () => {
    const r = epaper(["parse", write("p1.txt", PAGE1), "--page", "一版"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.page).toBe("1");
    expect(out.articles.length).toBeGreaterThan(0);
    expect(out.articles.some((a: { jumpTo: string | null }) => a.jumpTo === "3")).toBe(true);
  });

  it.each([
    ["a missing file", () => [join(dir, "nope.txt")], /no such file/],
    ["an empty file", () => [write("empty.txt", "")], /empty/],
    ["a binary file", () => [write("bin.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))], /binary|not text|PNG|图像|image/i],
  ])("refuses %s with one line on stderr", (_what, files, message) => {
    const r = epaper(["parse", ...files(), "--page", "1"]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it("refuses a bad page label", () => {
    const r = epaper(["parse", write("p1b.txt", PAGE1), "--page", "front"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/bad page label/);
  });

  it("refuses input over 20 MB", () => {
    const r = epaper(["parse", write("big.txt", Buffer.alloc(20 * 1024 * 1024 + 1, 0x41)), "--page", "1"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/too large/);
  });
});

describe("epaper import / publish", () => {
  it("imports two pages, links the jump, and publishes", () => {
    const db = join(dir, "import.db");
    const r = epaper(["import", "--paper", "linlan", "--date", "2026-11-26", `1=${write("i1.txt", PAGE1)}`, `三版=${write("i3.txt", PAGE3)}`], { db });
    // Servers follow the database by themselves: nothing to refresh, nothing to say.
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const summary = JSON.parse(r.stdout);
    expect(summary.status).toBe("draft");
    expect(summary.pages.map((p: { label: string }) => p.label)).toEqual(["1", "3"]);
    expect(summary.jumps.linked).toHaveLength(1);
    expect(summary.jumps.unresolved).toEqual([]);

    const pub = epaper(["publish", "--paper", "linlan", "--date", "2026-11-26"], { db });
    expect(pub.code).toBe(0);
    expect(JSON.parse(pub.stdout).status).toBe("published");
    const unpub = epaper(["unpublish", "--paper", "linlan", "--date", "2026-11-26"], { db });
    expect(JSON.parse(unpub.stdout)).toMatchObject({ status: "draft", previous: "published" });
  });

  it.each([
    ["a bad date", ["--date", "2024-13-45", "1=PAGE"], /bad date/],
    ["a bad label", ["--date", "2026-11-26", "X1Y=PAGE"], /bad page label/],
    ["a missing file among good ones", ["--date", "2026-11-26", "1=PAGE", "3=/nonexistent/p3.txt"], /no such file/],
    ["an empty page among good ones", ["--date", "2026-11-26", "1=PAGE", "3=EMPTY"], /empty/],
  ])("writes nothing when given %s", (_what, args, message) => {
    const db = join(dir, `refuse-${Math.random().toString(36).slice(2)}.db`);
    const page = write("ok1.txt", PAGE1);
    const empty = write("empty3.txt", "");
    const r = epaper(["import", "--paper", "linlan", ...args.map((a) => a.replace("PAGE", page).replace("EMPTY", empty))], { db });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(count(db, "papers")).toBe(0);
    expect(count(db, "pieces")).toBe(0);
  });

  it("audits publish, unpublish, import --publish and user add, and reports links made by order alone", () => {
    const db = join(dir, "audit.db");
    const p3 = write("a3.txt", "(上接一版)市民陈女士说，以前去高铁站要倒两趟公交，现在二十分钟就到了。\n");
    const imp = epaper(["import", "--paper", "linlan", "--date", "2026-11-27", "--publish", `1=${write("a1.txt", PAGE1)}`, `3=${p3}`], { db });
    expect(imp.code).toBe(0);
    expect(JSON.parse(imp.stdout).jumps.uncertain).toHaveLength(1);
    expect(imp.stderr).toMatch(/1 jump link\(s\) were made by reading order alone/);
    const unpub = epaper(["unpublish", "--paper", "linlan", "--date", "2026-11-27"], { db });
    expect(unpub.code).toBe(0);
    const pub = epaper(["publish", "--paper", "linlan", "--date", "2026-11-27"], { db });
    expect(JSON.parse(pub.stdout).uncertainLinks).toHaveLength(1);
    expect(pub.stderr).toMatch(/not confirmed/);
    epaper(["user", "add", "--email", "audit@linlan.example", "--role", "editor"], { db, input: "a-long-enough-secret\n" });
    const sqlite = new Database(db, { readonly: true });
    try {
      const actions = (sqlite.prepare("select action from audit_log order by id").all() as { action: string }[]).map((r) => r.action);
      expect(actions).toEqual(["issue.import.publish", "issue.unpublish", "issue.publish", "user.create"]);
    } finally {
      sqlite.close();
    }
  });

  it("says clearly when publishing an issue that does not exist", () => {
    const r = epaper(["publish", "--paper", "linlan", "--date", "2030-01-01"], { db: join(dir, "none.db") });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/no issue/);
  });
});

describe("epaper user add", () => {
  it("creates an admin from a password on stdin, once", () => {
    const db = join(dir, "users.db");
    const ok = epaper(["user", "add", "--email", "Chief@Linlan.example", "--role", "admin"], { db, input: "a-long-enough-secret\n" });
    expect(ok.stderr).toBe("");
    expect(JSON.parse(ok.stdout)).toMatchObject({ email: "chief@linlan.example", role: "admin" });
    const again = epaper(["user", "add", "--email", "chief@linlan.example", "--role", "editor"], { db, input: "another-long-secret\n" });
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already exists/);
    const short = epaper(["user", "add", "--email", "x@linlan.example", "--role", "editor"], { db, input: "short\n" });
    expect(short.code).not.toBe(0);
    expect(count(db, "users")).toBe(1);
  });
});

describe("epaper setup", () => {
  it("seeds the demo paper and its editor into an empty database, once", () => {
    const db = join(dir, "setup.db");
    const first = epaper(["setup"], { db, env: { EPAPER_DEMO: "1", AUTH_URL: "", LISTEN_HOST: "127.0.0.1" } });
    expect(JSON.parse(first.stdout).seeded).toHaveLength(4);
    expect(count(db, "users")).toBe(1);
    expect(JSON.parse(epaper(["setup"], { db }).stdout).seeded).toEqual([]);
  });

  it("never creates the demo editor, whose password the README prints, on a public site", () => {
    const db = join(dir, "setup-public.db");
    const r = epaper(["setup"], { db, env: { EPAPER_DEMO: "1", AUTH_URL: "https://epaper.example.com", EPAPER_DEMO_EDITOR: "1" } });
    expect(r.stderr).toMatch(/demo editor account was not created: AUTH_URL is a public origin/);
    expect(count(db, "papers")).toBe(1);
    expect(count(db, "users")).toBe(0);
  });

  it("never creates the demo editor when the server listens on every interface, unless asked for", () => {
    const db = join(dir, "setup-open.db");
    const r = epaper(["setup"], { db, env: { EPAPER_DEMO: "1", AUTH_URL: "", LISTEN_HOST: "", EPAPER_DEMO_EDITOR: "" } });
    expect(r.stderr).toMatch(/demo editor account was not created: the server listens on every interface/);
    expect(count(db, "papers")).toBe(1);
    expect(count(db, "users")).toBe(0);
    const asked = join(dir, "setup-asked.db");
    epaper(["setup"], { db: asked, env: { EPAPER_DEMO: "1", AUTH_URL: "", LISTEN_HOST: "0.0.0.0", EPAPER_DEMO_EDITOR: "1" } });
    expect(count(asked, "users")).toBe(1);
  });

  it("seeds nothing with EPAPER_DEMO=0", () => {
    const db = join(dir, "setup-none.db");
    epaper(["setup"], { db, env: { EPAPER_DEMO: "0" } });
    expect(count(db, "papers")).toBe(0);
  });
});

describe("epaper import of PDFs", () => {
  it("imports an issue's PDF beside a text page, labels its pages from their furniture and links the jump", () => {
    const db = join(dir, "pdf.db");
    const issuePdf = join(dir, "issue.pdf");
    spawnSync("pdfunite", ["public/demo/linlan-2026-11-23-1.pdf", "public/demo/linlan-2026-11-23-2.pdf", issuePdf]);
    const r = epaper(["import", "--paper", "lin", "--date", "2026-11-20", issuePdf, `3=${write("p3-pdf.txt", PAGE3)}`], { db });
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.pages.map((p: { label: string }) => p.label)).toEqual(["3", "1", "2"]);
    expect(out.pages[1]).toMatchObject({ textLayer: "ok", doubts: expect.any(Array) });
    expect(out.jumps.linked).toEqual([expect.objectContaining({ from: "1", to: "2" })]);
    expect(count(db, "page_lines")).toBeGreaterThan(100);
  }, 120_000);

  it("writes nothing when one of the files is not a readable PDF", () => {
    const db = join(dir, "pdf-bad.db");
    const r = epaper(["import", "--paper", "lin", "--date", "2026-11-20", "public/demo/linlan-2026-11-23-1.pdf", `2=${write("bad.pdf", "%PDF-1.4 broken")}`], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.pdf/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(count(db, "pages")).toBe(0);
  }, 120_000);
});
