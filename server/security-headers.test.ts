import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, CONTENT_SECURITY_POLICY, transportHeaders } from "../lib/security-headers";
import { inlineScriptHashes } from "./script-hashes";

describe("content security policy", () => {
  it("never allows inline scripts wholesale", () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-inline' ; script");
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY.split("; ").find((d) => d.startsWith("script-src"))).not.toContain("unsafe-inline");
  });

  it("lists the hash of each inline script of a page, and not external ones", () => {
    const boot = "self.__next_f.push([1,\"a\"])";
    const html = `<html><head><script src="/_next/static/x.js" async></script></head><body><script>${boot}</script><script></script></body></html>`;
    const expected = `sha256-${createHash("sha256").update(boot).digest("base64")}`;
    expect(inlineScriptHashes(html)).toEqual([expected]);
    expect(contentSecurityPolicy([expected])).toContain(`script-src 'self' '${expected}'`);
  });

  it("sends HSTS only when the public origin is https", () => {
    expect(transportHeaders("https://epaper.example")).toHaveProperty("strict-transport-security");
    expect(transportHeaders("http://localhost:3000")).toEqual({});
    expect(transportHeaders(undefined)).toEqual({});
  });
});

describe("applyScriptHashes", () => {
  it("sets a CSP naming the inline scripts of an HTML response, and passes other responses through", async () => {
    const { createServer } = await import("node:http");
    const { applyScriptHashes } = await import("./script-hashes");
    const server = createServer((req, res) => {
      applyScriptHashes(res);
      if (req.url === "/again") {
        res.writeHead(304, { "content-security-policy": "script-src 'self'" });
        res.end();
      } else if (req.url === "/gz") {
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.setHeader("content-encoding", "gzip");
        res.end(gzipSync("<html><script>self.__next_f.push([2])</script></html>"));
      } else if (req.url === "/page") {
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.write("<html><body><script>self.__next_f.push([1])</script>");
        res.end("</body></html>");
      } else {
        res.writeHead(200, { "content-type": "image/webp" });
        res.end(Buffer.from([1, 2, 3]));
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    try {
      const page = await fetch(`http://127.0.0.1:${port}/page`);
      const csp = page.headers.get("content-security-policy")!;
      expect(csp).toContain(inlineScriptHashes("<script>self.__next_f.push([1])</script>")[0]);
      expect(csp).not.toContain("unsafe-inline' 'sha");
      expect(await page.text()).toContain("__next_f");
      const gz = await fetch(`http://127.0.0.1:${port}/gz`);
      expect(gz.headers.get("content-security-policy")).toContain(inlineScriptHashes("<script>self.__next_f.push([2])</script>")[0]);
      expect(await gz.text()).toContain("__next_f.push([2])");
      const again = await fetch(`http://127.0.0.1:${port}/again`);
      expect(again.status).toBe(304);
      expect(again.headers.get("content-security-policy")).toBeNull();
      const img = await fetch(`http://127.0.0.1:${port}/img`);
      expect(img.headers.get("content-security-policy")).toBeNull();
      expect(Buffer.from(await img.arrayBuffer())).toEqual(Buffer.from([1, 2, 3]));
    } finally {
      server.close();
    }
  });
});
