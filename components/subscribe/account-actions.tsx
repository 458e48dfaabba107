"use client";
// The account's buttons and small forms: sign out, change password, delete the account, save
// this device's reading settings to the account.
import { useState } from "react";
import { setReaderFlag } from "./reader-flag";
import { pushPrefs } from "./prefs-sync";

async function send(method: string, url: string, body: unknown) {
  const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { ok: res.ok, body: await res.json().catch(() => ({})) };
}

export function SignOutButton() {
  return (
    <button type="button" className="account-button" onClick={async () => {
      await send("POST", "/api/reader/signout", {}).catch(() => null);
      setReaderFlag(false);
      window.location.assign("/");
    }}>退出登录</button>
  );
}

function useNote() {
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const el = <p className={note?.ok ? "form-note" : "form-error"} role="status">{note?.text ?? ""}</p>;
  return [el, setNote] as const;
}

export function PasswordForm() {
  const [note, setNote] = useNote();
  return (
    <form className="account-form" onSubmit={async (e) => {
      e.preventDefault();
      const form = e.currentTarget;
      const data = Object.fromEntries(new FormData(form).entries());
      const r = await send("POST", "/api/reader/password", data).catch(() => null);
      setNote(r?.ok ? { ok: true, text: "密码已更改，其他设备已退出登录" } : { ok: false, text: r?.body.error ?? "网络错误" });
      if (r?.ok) form.reset();
    }}>
      <label>当前密码<input name="current" type="password" autoComplete="current-password" required maxLength={200} /></label>
      <label>新密码（至少 10 个字符）<input name="password" type="password" autoComplete="new-password" required maxLength={200} /></label>
      <button type="submit" className="account-button">更改密码</button>
      {note}
    </form>
  );
}

export function DeleteAccountForm() {
  const [note, setNote] = useNote();
  return (
    <form className="account-form" onSubmit={async (e) => {
      e.preventDefault();
      if (!window.confirm("注销后，账户、订阅、收藏和阅读历史都将删除，无法恢复。确定注销？")) return;
      const r = await send("DELETE", "/api/reader/account", Object.fromEntries(new FormData(e.currentTarget).entries())).catch(() => null);
      if (r?.ok) {
        setReaderFlag(false);
        window.location.assign("/");
        return;
      }
      setNote({ ok: false, text: r?.body.error ?? "网络错误" });
    }}>
      <label>密码<input name="password" type="password" autoComplete="current-password" required maxLength={200} /></label>
      <button type="submit" className="account-button account-button--danger">注销账户</button>
      {note}
    </form>
  );
}

export function SavePrefsButton() {
  const [note, setNote] = useNote();
  return (
    <div className="account-form">
      <button type="button" className="account-button" onClick={async () =>
        setNote((await pushPrefs()) ? { ok: true, text: "已保存，在其他设备登录后自动使用" } : { ok: false, text: "保存失败" })}>
        把本机的阅读设置保存到账户
      </button>
      {note}
    </div>
  );
}
