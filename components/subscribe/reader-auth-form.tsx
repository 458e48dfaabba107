"use client";
// Reader sign-in and sign-up: JSON to /api/reader/signin|signup; on success the reader hint is
// set, preferences are synced, and the reader goes back to where they came from.
import { useState } from "react";
import { setReaderFlag } from "./reader-flag";
import { syncPrefsOnSignIn } from "./prefs-sync";

export function ReaderAuthForm({ mode, next }: { mode: "signin" | "signup"; next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = Object.fromEntries(new FormData(event.currentTarget).entries());
    try {
      const res = await fetch(`/api/reader/${mode}`, {
        method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(form),
      });
      const body = await res.json().catch(() => ({}));
      if (res.ok) {
        setReaderFlag(true);
        await syncPrefsOnSignIn();
        window.location.assign(next);
        return;
      }
      setError(body.error ?? "请重试");
    } catch {
      setError("网络错误，请重试");
    }
    setPending(false);
  }

  const label = mode === "signin" ? "登录" : "注册";
  return (
    <form className="signin-form" onSubmit={onSubmit} noValidate>
      <label>
        邮箱
        <input name="email" type="email" autoComplete={mode === "signin" ? "username" : "email"} required maxLength={254} />
      </label>
      <label>
        密码{mode === "signup" ? "（至少 10 个字符）" : ""}
        <input name="password" type="password" autoComplete={mode === "signin" ? "current-password" : "new-password"} required maxLength={200} />
      </label>
      <p className="signin-error" role="alert" aria-live="assertive">{error ?? ""}</p>
      <button type="submit" disabled={pending}>{pending ? `正在${label}…` : label}</button>
    </form>
  );
}
