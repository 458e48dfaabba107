import { describe, expect, it } from "vitest";
import { isPublicOriginKnown, siteOrigin, xmlEscape } from "./site";

describe("siteOrigin", () => {
  it("is AUTH_URL's origin", () => {
    expect(siteOrigin({ AUTH_URL: "https://paper.example/x" })).toBe("https://paper.example");
    expect(isPublicOriginKnown({ AUTH_URL: "https://paper.example/x" })).toBe(true);
  });
  it("without AUTH_URL names this machine, never a Host header", () => {
    expect(siteOrigin({ PORT: "3400" })).toBe("http://localhost:3400");
    expect(siteOrigin({ AUTH_URL: "not a url" })).toBe("http://localhost:3000");
    expect(isPublicOriginKnown({})).toBe(false);
  });
});

describe("xmlEscape", () => {
  it("escapes markup and drops characters XML forbids", () => {
    expect(xmlEscape(`<a href="x">&'\u0001`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
  });
});
