// The reader's own pages: private (they read the reader cookie), never indexed.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import "./account.css";

export const metadata: Metadata = { robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <div className="account">
      <header className="account__top">
        <Link href="/" className="account__home">版面</Link>
        <nav aria-label="我的账户">
          <Link href="/account">我的账户</Link>
          <Link href="/account/bookmarks">收藏</Link>
          <Link href="/account/history">阅读历史</Link>
          <Link href="/account/settings">设置</Link>
        </nav>
      </header>
      <main id="main" className="account__main" tabIndex={-1}>{children}</main>
    </div>
  );
}
