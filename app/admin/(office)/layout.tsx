// The back office's frame (the preview has its own: the reader's). Layouts are not re-run on every
// navigation, so each page and action checks the session again.
import type { ReactNode } from "react";
import Link from "next/link";
import { requireEditor } from "@/app/(auth)/guards";
import { signOutAction } from "@/app/(auth)/actions";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { user } = await requireEditor();
  return (
    <div className="admin">
      <header className="admin-bar">
        <Link href="/admin" className="admin-bar__home">版面 · 编辑后台</Link>
        <nav aria-label="后台导航">
          <Link href="/admin">报纸与期次</Link>
          {user.role === "admin" && <Link href="/admin/users">用户</Link>}
          {user.role === "admin" && <Link href="/admin/readers">读者订阅</Link>}
          {user.role === "admin" && <Link href="/admin/audit">操作记录</Link>}
          <Link href="/admin/password">修改密码</Link>
        </nav>
        <span className="admin-bar__user">{user.name ?? user.email}（{user.role === "admin" ? "管理员" : "编辑"}）</span>
        <form action={signOutAction}>
          <button type="submit" className="admin-link-button">退出登录</button>
        </form>
      </header>
      <main id="main" className="admin-main">{children}</main>
    </div>
  );
}
