// 兑换激活码 for both forms that offer it (redeem-form.tsx on the account page, the paywall's
// island): posts the code; an unknown, used or expired code gets the server's plain message.
export type RedeemResult = { ok: boolean; text: string };

export async function redeemCode(code: string): Promise<RedeemResult> {
  try {
    const res = await fetch("/api/reader/redeem", {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) return { ok: false, text: body.error ?? "兑换失败，请重试" };
    const until = new Date(body.subscription.endsAt).toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" });
    return { ok: true, text: `兑换成功，订阅有效期至 ${until}` };
  } catch {
    return { ok: false, text: "网络错误，请重试" };
  }
}
