"use client";
// 兑换激活码 on the account page (which runs on Next's client runtime; the paywall's form is an
// island of its own, paywall.island.ts).
import { useState } from "react";
import { redeemCode, type RedeemResult } from "./redeem";
import { RedeemFields } from "./redeem-fields";

export function RedeemForm() {
  const [message, setMessage] = useState<RedeemResult | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    setMessage(await redeemCode(String(new FormData(event.currentTarget).get("code") ?? "")));
    setPending(false);
  }

  return (
    <form className="redeem-form" onSubmit={onSubmit} noValidate>
      <RedeemFields pending={pending} message={message} />
    </form>
  );
}
