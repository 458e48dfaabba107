// The redeem form's fields, the same for the account page's form (redeem-form.tsx) and the
// paywall's (an island: paywall.island.ts).
import type { RedeemResult } from "./redeem";

export function RedeemFields({ pending = false, message = null }: { pending?: boolean; message?: RedeemResult | null }) {
  return (
    <>
      <label>
        激活码
        <input name="code" autoComplete="off" spellCheck={false} maxLength={64} placeholder="XXXXX-XXXXX-XXXXX-XXXXX" required />
      </label>
      <button type="submit" disabled={pending}>{pending ? "正在兑换…" : "兑换"}</button>
      <p className={message?.ok ? "form-note" : "form-error"} role="status">{message?.text ?? ""}</p>
    </>
  );
}
