import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ReaderAuthForm } from "@/components/subscribe/reader-auth-form";
import { currentReader, safeReaderNext } from "@/app/(auth)/reader-session";

export const metadata: Metadata = { title: "注册读者账户 - 版面" };

export default async function ReaderSignupPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeReaderNext((await searchParams).next);
  if (await currentReader()) redirect(next);
  return (
    <section className="account-card">
      <h1>注册读者账户</h1>
      <p className="account-note">用邮箱注册。印刷版订户注册后可兑换激活码。</p>
      <ReaderAuthForm mode="signup" next={next} />
      <p className="account-note">已有账户？<Link href={`/account/signin?next=${encodeURIComponent(next)}`}>登录</Link></p>
    </section>
  );
}
