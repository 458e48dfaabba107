// Every notFound() in the reader lands here: unknown paper, bad date, unpublished issue, no such page.
import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="not-found">
      <p className="not-found__code">404</p>
      <h1>页面不存在</h1>
      <p>您要找的报纸、版面或文章不存在，或尚未出版。</p>
      <ul className="not-found__links">
        <li><Link prefetch={false} href="/">返回首页（最新一期）</Link></li>
        <li><Link href="/search" prefetch={false}>检索文章</Link></li>
      </ul>
    </main>
  );
}
