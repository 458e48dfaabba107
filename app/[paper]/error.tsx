"use client";
// What a reader sees when a page fails unexpectedly: a calm sentence, a retry and a way home.
// The cause stays in the server's log; only Next's digest, useful to whoever reads the log, is shown.
import Link from "next/link";

export default function ReaderError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="not-found">
      <h1>页面暂时无法显示</h1>
      <p>出了点问题，请稍后重试。</p>
      <ul className="not-found__links">
        <li><button type="button" onClick={() => reset()}>重试</button></li>
        <li><Link href="/">返回首页（最新一期）</Link></li>
      </ul>
      {error.digest ? <p className="not-found__code">错误编号 {error.digest}</p> : null}
    </main>
  );
}
