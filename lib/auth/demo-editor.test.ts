import { describe, expect, it } from "vitest";
import { demoEditorDecision } from "./demo-editor";

describe("demoEditorDecision", () => {
  it("refuses the demo editor where another machine can reach the server, unless asked for", () => {
    expect(demoEditorDecision({}).allowed).toBe(false); // serve.ts listens on 0.0.0.0 by default
    expect(demoEditorDecision({ LISTEN_HOST: "0.0.0.0" }).allowed).toBe(false);
    expect(demoEditorDecision({ LISTEN_HOST: "::" }).allowed).toBe(false);
    expect(demoEditorDecision({ LISTEN_HOST: "0.0.0.0", EPAPER_DEMO_EDITOR: "1" }).allowed).toBe(true);
  });
  it("allows it on loopback, and never on a public AUTH_URL", () => {
    expect(demoEditorDecision({ LISTEN_HOST: "127.0.0.1" }).allowed).toBe(true);
    expect(demoEditorDecision({ LISTEN_HOST: "::1", AUTH_URL: "http://localhost:3000" }).allowed).toBe(true);
    expect(demoEditorDecision({ LISTEN_HOST: "127.0.0.1", AUTH_URL: "https://epaper.example.com", EPAPER_DEMO_EDITOR: "1" }).allowed).toBe(false);
    expect(demoEditorDecision({ LISTEN_HOST: "127.0.0.1", EPAPER_DEMO_EDITOR: "0" }).allowed).toBe(false);
  });
});
