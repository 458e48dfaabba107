import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SigninForm } from "@/components/admin/signin-form";
import "./signin.css";
import { ReaderPrefs } from "@/components/reader/reader-prefs";
import { IslandScript } from "@/components/reader/island-script";
import { currentActor } from "@/app/(auth)/guards";

export const metadata: Metadata = { title: "编辑登录 - 版面", robots: { index: false } };
export const dynamic = "force-dynamic";

const MESSAGES: Record<string, string> = {
  invalid: "邮箱或密码不正确",
  locked: "尝试次数过多，请稍后再试",
};

export default async function SigninPage({ searchParams }: { searchParams: Promise<{ error?: string; next?: string }> }) {
  if (await currentActor()) redirect("/admin");
  const { error, next } = await searchParams;
  return (
    <main className="signin" id="main">
      <ReaderPrefs />
      <h1>编辑登录</h1>
      <p className="signin-note">版面 · 报社编辑后台</p>
      <SigninForm error={error ? MESSAGES[error] ?? null : null} next={typeof next === "string" ? next : undefined} />
      <IslandScript />
    </main>
  );
}
