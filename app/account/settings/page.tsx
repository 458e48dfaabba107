import type { Metadata } from "next";
import { requireReader } from "@/app/(auth)/reader-session";
import { DeleteAccountForm, PasswordForm, SavePrefsButton } from "@/components/subscribe/account-actions";

export const metadata: Metadata = { title: "设置 - 版面" };

export default async function SettingsPage() {
  await requireReader("/account/settings");
  return (
    <>
      <h1>设置</h1>
      <section aria-labelledby="prefs">
        <h2 id="prefs">阅读设置</h2>
        <p className="account-note">字号、关怀模式和夜间模式保存在本机；登录时自动从账户取回。</p>
        <SavePrefsButton />
      </section>
      <section aria-labelledby="password">
        <h2 id="password">更改密码</h2>
        <PasswordForm />
      </section>
      <section aria-labelledby="delete">
        <h2 id="delete">注销账户</h2>
        <p className="account-note">删除账户及其订阅、收藏、阅读历史和设置。</p>
        <DeleteAccountForm />
      </section>
    </>
  );
}
