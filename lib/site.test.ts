import { describe, expect, it } from "vitest";
import { siteOrigin, xmlEscape } from "./site";

describe("siteOrigin", () => {
  it("prefers AUTH_URL", () => {
    expect(siteOrigin(new Headers({ host: "evil.example" }), "https://paper.example/x")).toBe("https://paper.example");
  });
  it("falls back to the Host header, refusing odd shapes", () => {
    expect(siteOrigin(new Headers({ host: "localhost:3400" }), undefined)).toBe("http://localhost:3400");
    expect(siteOrigin(new Headers({ host: "a.example/<x>" }), undefined)).toBe("http://localhost");
  });
});

describe("xmlEscape", () => {
  it("escapes markup and drops characters XML forbids", () => {
    expect(xmlEscape(`<a href="x">&'\u0001`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
  });
});
