// Change one's own password. The other browsers signed in as this user are signed out.
import { requireEditor } from "@/app/(auth)/guards";
import { ActionForm } from "@/components/admin/action-form";
import { changePasswordAction } from "@/app/admin/_actions/users";

export const dynamic = "force-dynamic";
export const metadata = { title: "修改密码 · 编辑后台" };

export default async function PasswordPage() {
  const { user } = await requireEditor();
  return (
    <>
      <h1>修改密码</h1>
      <p>{user.email}。修改后，其他设备和浏览器上的登录会立即失效。</p>
      <ActionForm action={changePasswordAction} submit="修改密码" label="修改密码" resetOnSuccess>
        <input type="hidden" name="username" value={user.email} autoComplete="username" />
        <label>当前密码 <input name="current" type="password" required autoComplete="current-password" /></label>
        <label>新密码（至少 10 个字符） <input name="next" type="password" required minLength={10} autoComplete="new-password" /></label>
        <label>再输入一次新密码 <input name="confirm" type="password" required minLength={10} autoComplete="new-password" /></label>
      </ActionForm>
    </>
  );
}
