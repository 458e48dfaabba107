import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook } from "./webhook-signature";

const SECRET = "whsec-test-secret";
const BODY = JSON.stringify({ id: "evt_1", type: "subscription.grant", email: "a@example.com", paper: "linlan", plan: "月度", days: 31 });
const T = 1_800_000_000;

describe("webhook signatures", () => {
  it("accept a body signed with the secret within the tolerance", () => {
    expect(verifyWebhook(SECRET, BODY, signWebhook(SECRET, BODY, T), T + 60)).toBe(true);
  });
  it("refuse another secret, a changed body, an old timestamp, garbage and no secret", () => {
    expect(verifyWebhook(SECRET, BODY, signWebhook("other", BODY, T), T)).toBe(false);
    expect(verifyWebhook(SECRET, BODY.replace("31", "3100"), signWebhook(SECRET, BODY, T), T)).toBe(false);
    expect(verifyWebhook(SECRET, BODY, signWebhook(SECRET, BODY, T), T + 301)).toBe(false);
    expect(verifyWebhook(SECRET, BODY, "t=abc,v1=zz", T)).toBe(false);
    expect(verifyWebhook(SECRET, BODY, null, T)).toBe(false);
    expect(verifyWebhook("", BODY, signWebhook("", BODY, T), T)).toBe(false);
  });
});
