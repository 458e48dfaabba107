"use client";
// 兑换激活码: posts the code; an unknown, used or expired code gets the server's plain message.
import { useState } from "react";

export function RedeemForm({ onRedeemed }: { onRedeemed?: (endsAt: string) => void }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    try {
      const res = await fetch("/api/reader/redeem", {
        method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }),
      });
      const body = await res.json().catch(() => ({}));
      if (res.ok) {
        const until = new Date(body.subscription.endsAt).toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" });
        setMessage({ ok: true, text: `兑换成功，订阅有效期至 ${until}` });
        onRedeemed?.(body.subscription.endsAt);
      } else {
        setMessage({ ok: false, text: body.error ?? "兑换失败，请重试" });
      }
    } catch {
      setMessage({ ok: false, text: "网络错误，请重试" });
    }
    setPending(false);
  }

  return (
    <form className="redeem-form" onSubmit={onSubmit} noValidate>
      <label>
        激活码
        <input name="code" autoComplete="off" spellCheck={false} maxLength={64} placeholder="XXXXX-XXXXX-XXXXX-XXXXX" required />
      </label>
      <button type="submit" disabled={pending}>{pending ? "正在兑换…" : "兑换"}</button>
      <p className={message?.ok ? "form-note" : "form-error"} role="status">{message?.text ?? ""}</p>
    </form>
  );
}
