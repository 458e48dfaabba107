"use client";

import { useState } from "react";

/** Posts to /api/signin; works as a plain form without JavaScript too. */
export function SigninForm({ initialError, next }: { initialError: string | null; next?: string }) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    try {
      const res = await fetch("/api/signin", {
        method: "POST",
        headers: { accept: "application/json", "content-type": "application/json" },
        body: JSON.stringify(Object.fromEntries(form.entries())),
      });
      const body = await res.json().catch(() => ({}));
      if (res.ok && body.redirect) {
        window.location.assign(body.redirect);
        return;
      }
      setError(body.error ?? "登录失败，请重试");
    } catch {
      setError("网络错误，请重试");
    }
    setPending(false);
  }

  return (
    <form action="/api/signin" method="post" onSubmit={onSubmit} className="signin-form" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <label>
        邮箱
        <input name="email" type="email" autoComplete="username" required maxLength={254} />
      </label>
      <label>
        密码
        <input name="password" type="password" autoComplete="current-password" required maxLength={200} />
      </label>
      <p className="signin-error" role="alert" aria-live="assertive">{error ?? ""}</p>
      <button type="submit" disabled={pending}>{pending ? "正在登录…" : "登录"}</button>
    </form>
  );
}
