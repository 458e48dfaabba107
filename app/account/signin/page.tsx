import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ReaderAuthForm } from "@/components/subscribe/reader-auth-form";
import { currentReader, safeReaderNext } from "@/app/(auth)/reader-session";

export const metadata: Metadata = { title: "读者登录 - 版面" };

export default async function ReaderSigninPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeReaderNext((await searchParams).next);
  if (await currentReader()) redirect(next);
  return (
    <section className="account-card">
      <h1>读者登录</h1>
      <p className="account-note">登录后阅读订阅内容，收藏与阅读历史随账户同步。</p>
      <ReaderAuthForm mode="signin" next={next} />
      <p className="account-note">还没有账户？<Link href={`/account/signup?next=${encodeURIComponent(next)}`}>注册</Link></p>
    </section>
  );
}
