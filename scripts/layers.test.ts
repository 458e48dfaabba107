import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module without types, shared with `npm run lint`
import { brokenFileRule, brokenRule, importsOf } from "./layers.mjs";

type Import = { spec: string; typeOnly: boolean; target: string | null };
const rule = (file: string, source: string): (string | null)[] =>
  (importsOf("/repo", file, source) as Import[]).map((imp) => brokenRule(file, imp));

describe("layering rules", () => {
  it("keeps lib/ free of the database, the app, Next and React", () => {
    expect(rule("lib/jumps.ts", 'import { getDb } from "../db/client";')).toEqual(["lib/ may not import db/"]);
    expect(rule("lib/a/b.ts", 'import { auth } from "@/app/(auth)/auth";')).toEqual(["lib/ may not import app/"]);
    expect(rule("lib/x.ts", 'import { redirect } from "next/navigation";')).toEqual(["lib/ may not import next/navigation"]);
    expect(rule("lib/x.ts", 'import type { ReactNode } from "react";')).toEqual(["lib/ may not import react"]);
    expect(rule("lib/x.ts", 'import { parsePage } from "./parser";\nimport { z } from "zod";')).toEqual([null, null]);
  });

  it("lets components/ take only server actions from app/", () => {
    expect(rule("components/admin/f.tsx", 'import { saveArticle } from "@/app/admin/_actions/articles";')).toEqual([null]);
    expect(rule("components/admin/f.tsx", 'import { signInAction } from "@/app/(auth)/actions";')).toEqual([null]);
    expect(rule("components/admin/f.tsx", 'import { x } from "@/app/admin/_lib/forms";')).toEqual([
      "components/ may import only server actions from app/",
    ]);
    expect(rule("components/reader/p.tsx", 'import type { PageView } from "@/app/[paper]/_lib/load";')).toEqual([
      "components/ may not take types from app/",
    ]);
  });

  it("keeps db/ and server/ below the app", () => {
    expect(rule("db/queries/pages.ts", 'import { issueLinks } from "../../components/reader/format";')).toEqual([
      "db/ may not import components/",
    ]);
    expect(rule("server/cache.ts", 'export { x } from "../app/page";')).toEqual(["server/ may not import app/"]);
    expect(rule("db/queries/pages.ts", 'import { resolveJumps } from "../../lib/jumps";')).toEqual([null]);
  });

  it("keeps reader pages the same for every visitor: no cookies, no reader session", () => {
    const broken = "reader pages and components may not read cookies or the reader's session";
    expect(rule("app/[paper]/[date]/page.tsx", 'import { cookies } from "next/headers";')).toEqual([broken]);
    expect(rule("app/[paper]/_lib/load.ts", 'import { readerOf } from "@/app/(auth)/reader-session";')).toEqual([broken]);
    expect(rule("components/reader/x.tsx", 'import { cookies } from "next/headers";')).toEqual([broken]);
    expect(rule("app/[paper]/[date]/page.tsx", 'import { publishedPage } from "../_lib/published-page";')).toEqual([broken]);
    // Route handlers, the account pages and the back office may.
    expect(rule("app/[paper]/[date]/issue.pdf/route.ts", 'import { fullTextAccess } from "@/app/[paper]/_lib/published-page";')).toEqual([null]);
    expect(rule("app/account/page.tsx", 'import { requireReader } from "@/app/(auth)/reader-session";')).toEqual([null]);
    expect(rule("app/admin/layout.tsx", 'import { headers } from "next/headers";')).toEqual([null]);
  });

  it("keeps islands to the browser alone, and reader components off Next's client runtime", () => {
    expect(rule("components/reader/listen.island.ts", 'import { useState } from "react";')).toEqual(["islands may not import react"]);
    expect(rule("components/reader/islands.ts", 'import { useRouter } from "next/navigation";')).toEqual(["islands may not import next/navigation"]);
    expect(rule("components/subscribe/x.island.ts", 'import { getDb } from "@/db/client";')).toEqual(["islands may not import db/"]);
    expect(rule("components/reader/x.island.ts", 'import { readFile } from "node:fs";')).toEqual(["islands may not import node:fs"]);
    expect(rule("components/reader/x.island.ts", 'import { splitSentences } from "@/lib/sentences";\nimport("opencc-js/cn2t");')).toEqual([null, null]);
    const client = '"use client";\nimport { useState } from "react";';
    expect(brokenFileRule("components/reader/x.tsx", client)).toMatch(/may not be "use client"/);
    expect(brokenFileRule("components/search/x.tsx", `// why\n${client}`)).toMatch(/may not be "use client"/);
    expect(brokenFileRule("components/subscribe/redeem-form.tsx", client)).toBeNull();
    expect(brokenFileRule("components/reader/x.tsx", 'export const x = "use client";')).toBeNull();
  });

  it("reads dynamic imports and re-exports", () => {
    expect(rule("lib/x.ts", 'const m = await import("../db/client");')).toEqual(["lib/ may not import db/"]);
    expect(rule("lib/x.ts", 'export * from "../app/x";')).toEqual(["lib/ may not import app/"]);
  });
});
