import { describe, expect, it } from "vitest";
import { openDb, type Db } from "../client";
import { issues, pages, papers, readers, subscriptions, articles, pieces } from "../schema";
import { getAccessPolicy, getMediaAccess, setAccessPolicy } from "./access";
import { createReaderSession } from "./readers";

const NOW = new Date("2026-11-26T04:00:00Z"); // 12:00 in Beijing, 2026-11-26

function setup(db: Db) {
  db.insert(papers).values({ id: 1, slug: "linlan", name: "临澜日报" }).run();
  db.insert(issues).values([
    { id: 1, paperId: 1, date: "2026-11-26", status: "published" },
    { id: 2, paperId: 1, date: "2026-01-05", status: "published" },
  ]).run();
  db.insert(pages).values([
    { id: 1, issueId: 1, label: "1", position: 0, imagePath: "/media/new.webp" },
    { id: 2, issueId: 2, label: "1", position: 0, imagePath: "/media/old.webp", pdfPath: "/media/old.pdf" },
  ]).run();
  db.insert(articles).values([{ id: 1, issueId: 2 }, { id: 2, issueId: 2 }, { id: 3, issueId: 2 }]).run();
  db.insert(pieces).values([1, 2, 3].map((a) => ({ articleId: a, pageId: 2, seq: 0, position: a, paragraphs: ["正文"] }))).run();
  db.insert(readers).values([{ id: 1, email: "sub@example.com", passwordHash: "x" }, { id: 2, email: "member@example.com", passwordHash: "x" }]).run();
  db.insert(subscriptions).values({ readerId: 1, paperId: 1, plan: "年度", startsAt: "2026-01-01T00:00:00.000Z", endsAt: "2027-01-01T00:00:00.000Z", source: "admin" }).run();
}


describe("a paper's policy", () => {
  it("no policy row is open", () => {
    const db = openDb(":memory:");
    setup(db);
    expect(getAccessPolicy(1, db).policy).toBe("open");
    expect(getMediaAccess("/media/old.pdf", null, NOW, db)).toBe("public");
  });
});

describe("scans and PDFs of published pages", () => {
  it("follow the page's access: public when free, private for a subscriber, denied otherwise", () => {
    const db = openDb(":memory:");
    setup(db);
    setAccessPolicy(1, { policy: "archive", freeDays: 7, freePages: [], meter: 0 }, null, db);
    expect(getMediaAccess("/media/new.webp", null, NOW, db)).toBe("public");
    expect(getMediaAccess("/media/old.pdf", null, NOW, db)).toBe("denied");
    expect(getMediaAccess("/media/old.webp", createReaderSession(2, NOW, db), NOW, db)).toBe("denied");
    expect(getMediaAccess("/media/old.webp", createReaderSession(1, NOW, db), NOW, db)).toBe("private");
    expect(getMediaAccess("/media/old.webp", "not-a-session", NOW, db)).toBe("denied");
    expect(getMediaAccess("/media/unknown.webp", null, NOW, db)).toBeNull();
  });
});
