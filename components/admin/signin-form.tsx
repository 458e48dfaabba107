// The editors' sign-in: a plain form posting to /api/signin, which redirects to the back office,
// or back here with ?error=… (shown as `error`). The sign-in page runs on the reader's islands
// (for its reading settings), not on Next's client runtime: the form works without script, and
// signin-form.island.ts only keeps it from being sent twice and puts focus on a refusal.
export function SigninForm({ error, next }: { error: string | null; next?: string }) {
  return (
    <form action="/api/signin" method="post" className="signin-form" noValidate data-island="signin">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <label>
        邮箱
        <input name="email" type="email" autoComplete="username" required maxLength={254} aria-describedby="signin-error" />
      </label>
      <label>
        密码
        <input name="password" type="password" autoComplete="current-password" required maxLength={200} aria-describedby="signin-error" />
      </label>
      <p className="signin-error" id="signin-error" role="alert" aria-live="assertive">{error ?? ""}</p>
      <button type="submit">登录</button>
    </form>
  );
}
