"use client";
// What an editor sees when a back-office page fails unexpectedly (a failed action shows its own
// message in its form): a plain sentence, a retry, and the digest to quote to an administrator.
import Link from "next/link";

export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="admin-error">
      <h1>页面出错了</h1>
      <p>这一页没能打开。请重试；问题持续请联系管理员。</p>
      {error.digest ? <p>错误编号：<code>{error.digest}</code></p> : null}
      <p>
        <button type="button" onClick={() => reset()}>重试</button>{" "}
        <Link href="/admin">返回后台首页</Link>
      </p>
    </main>
  );
}
