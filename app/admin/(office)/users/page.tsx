// Accounts (admins only): list, create, change role, disable or enable.
import { requireAdmin } from "@/app/(auth)/guards";
import { listUsers } from "@/db/queries/users";
import { ActionForm } from "@/components/admin/action-form";
import { createUserAction, setUserDisabledAction, setUserRoleAction } from "@/app/admin/_actions/users";

export const dynamic = "force-dynamic";
export const metadata = { title: "用户 · 编辑后台" };

const ROLE_NAMES = { admin: "管理员", editor: "编辑" } as const;

export default async function UsersPage() {
  const { user: me } = await requireAdmin();
  const users = listUsers();
  return (
    <>
      <h1>用户</h1>
      <table className="admin-table">
        <thead><tr><th>邮箱</th><th>姓名</th><th>角色</th><th>状态</th></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-email={u.email}>
              <td>{u.email}</td>
              <td>{u.name ?? "—"}</td>
              <td>
                <ActionForm action={setUserRoleAction} hidden={{ userId: u.id }} className="admin-form--inline" submit="改" label={`${u.email} 的角色`}>
                  <select name="role" defaultValue={u.role} disabled={u.id === me.id} aria-label="角色">
                    <option value="editor">{ROLE_NAMES.editor}</option>
                    <option value="admin">{ROLE_NAMES.admin}</option>
                  </select>
                </ActionForm>
              </td>
              <td>
                {u.disabled ? "已停用" : "正常"}
                {u.id !== me.id && (
                  <ActionForm action={setUserDisabledAction} hidden={{ userId: u.id, disabled: u.disabled ? "0" : "1" }} className="admin-form--inline"
                    confirm={u.disabled ? undefined : `停用 ${u.email}？其所有登录将立即失效。`}>
                    <button type="submit">{u.disabled ? "启用" : "停用"}</button>
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="admin-card" aria-labelledby="new-user">
        <h2 id="new-user">新建用户</h2>
        <ActionForm action={createUserAction} submit="创建用户" label="新建用户" resetOnSuccess>
          <label>邮箱 <input name="email" type="email" required autoComplete="off" /></label>
          <label>姓名 <input name="name" /></label>
          <label>角色 <select name="role" defaultValue="editor">
            <option value="editor">{ROLE_NAMES.editor}</option>
            <option value="admin">{ROLE_NAMES.admin}</option>
          </select></label>
          <label>初始密码（至少 10 个字符） <input name="password" type="password" required minLength={10} autoComplete="new-password" /></label>
        </ActionForm>
      </section>
    </>
  );
}
