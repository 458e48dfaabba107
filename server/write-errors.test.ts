import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { classifyWriteError } from "../db/client";
import { withWriteErrors } from "./write-errors";

let server: Server | null = null;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A handler that hits a busy (or full) database, then answers as code often does: "wrong password". */
async function serve(code: string, answer: number): Promise<string> {
  server = createServer((req, res) => withWriteErrors(req, res, async () => {
    await new Promise((r) => setTimeout(r, 5));
    classifyWriteError(Object.assign(new Error("database is locked"), { code }));
    res.writeHead(answer, { "content-type": "application/json" }).end(JSON.stringify({ error: "邮箱或密码不正确" }));
  }));
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe("withWriteErrors", () => {
  it("answers a write that found the database locked with 503, Retry-After and a retry message", async () => {
    const origin = await serve("SQLITE_BUSY", 401);
    const res = await fetch(`${origin}/api/signin`, { method: "POST", headers: { accept: "application/json" } });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("2");
    expect((await res.json()).error).toContain("请稍后重试");
  });

  it("answers a full disk with 507, even after a handler that claimed success", async () => {
    const origin = await serve("SQLITE_FULL", 200);
    const res = await fetch(`${origin}/x`, { method: "POST" });
    expect(res.status).toBe(507);
    expect(await res.text()).toContain("存储空间已满");
  });

  it("leaves a server action's own answer alone, and reads alone", async () => {
    const origin = await serve("SQLITE_BUSY", 200);
    expect((await fetch(`${origin}/admin`, { method: "POST", headers: { "next-action": "abc" } })).status).toBe(200);
    expect((await fetch(`${origin}/linlan`)).status).toBe(200);
  });
});
