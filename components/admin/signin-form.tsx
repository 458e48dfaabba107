// The editors' sign-in: a plain form posting to /api/signin, which redirects to the back office,
// or back here with ?error=… (shown as `error`). The sign-in page runs on the reader's islands
// (for its reading settings), not on Next's client runtime, so the form needs no script at all.
export function SigninForm({ error, next }: { error: string | null; next?: string }) {
  return (
    <form action="/api/signin" method="post" className="signin-form" noValidate>
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
      <button type="submit">登录</button>
    </form>
  );
}
