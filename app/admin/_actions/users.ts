"use server";
// Accounts: admins create users, change roles, disable and enable; everyone changes their own
// password (which signs out their other browsers).
import { z } from "zod";
import { getCredentialsByEmail } from "@/db/queries/users";
import { beginSigninAttempt, endSigninAttempt } from "@/db/queries/throttle";
import { signinKeys } from "@/lib/auth/throttle";
import { EditError } from "@/db/queries/edit-issues";
import { changeOwnPassword, changeUserDisabled, changeUserRole, createUserAudited } from "@/db/queries/edit-users";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/passwords";
import { ROLES } from "@/db/schema";
import { optionalText, recordId } from "@/lib/forms";
import { adminAction } from "../_lib/action";

const password = z.string().max(200, "密码过长").superRefine((p, ctx) => {
  const problem = passwordProblem(p);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const NewUser = z.object({
  email: z.string().trim().toLowerCase().email("请填写有效的邮箱").max(254),
  name: optionalText(60, "姓名"),
  role: z.enum(ROLES, { message: "请选择角色" }),
  password,
});

const Users = { role: "admin", revalidate: ["/admin/users"] } as const;

export const createUserAction = adminAction({ ...Users, input: NewUser }, async (input, { by }) => {
  const passwordHash = await hashPassword(input.password);
  createUserAudited({ email: input.email, name: input.name, role: input.role, passwordHash }, by);
  return `已创建账号 ${input.email}`;
});

export const setUserRoleAction = adminAction({ ...Users, input: z.object({ userId: recordId, role: z.enum(ROLES) }) }, (input, { by }) => {
  changeUserRole(input, by);
  return "角色已更改";
});

const Disable = z.object({ userId: recordId, disabled: z.enum(["0", "1"]) });

export const setUserDisabledAction = adminAction({ ...Users, input: Disable }, (input, { by }) => {
  changeUserDisabled({ userId: input.userId, disabled: input.disabled === "1" }, by);
  return input.disabled === "1" ? "已停用，该用户已被登出" : "已启用";
});

const PasswordChange = z.object({ current: z.string().max(200), next: password, confirm: z.string() });

export const changePasswordAction = adminAction({ input: PasswordChange }, async (input, { actor, by }) => {
  if (input.next !== input.confirm) throw new EditError("invalid", "两次输入的新密码不一致");
  // The same lockout as sign-in: a stolen session must not be a way to guess the password.
  // Counted under this session, not an address: a stolen session gets its own few guesses.
  const who = { email: actor.user.email, address: `session:${actor.sessionId.slice(0, 12)}` };
  const keys = signinKeys(who.email, who.address);
  if (beginSigninAttempt(keys, who) > 0) throw new EditError("invalid", "尝试次数过多，请稍后再试");
  const creds = getCredentialsByEmail(actor.user.email);
  if (!creds || !(await verifyPassword(creds.passwordHash, input.current))) {
    endSigninAttempt(keys, { ok: false }, who);
    throw new EditError("invalid", "当前密码不正确");
  }
  endSigninAttempt(keys, { ok: true, user: actor.user }, who);
  changeOwnPassword({ userId: actor.user.id, passwordHash: await hashPassword(input.next), keepSessionId: actor.sessionId }, by);
  return "密码已更改；其他设备上的登录已失效";
});
