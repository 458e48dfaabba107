"use server";
// Accounts: admins create users, change roles, disable and enable; everyone changes their own
// password (which signs out their other browsers).
import { z } from "zod";
import { authorizeAction } from "@/app/(auth)/guards";
import { beginSigninAttempt, endSigninAttempt, getCredentialsByEmail } from "@/db/queries/users";
import { signinKeys } from "@/lib/auth/throttle";
import { EditError } from "@/db/queries/edit-issues";
import { changeOwnPassword, changeUserDisabled, changeUserRole, createUserAudited } from "@/db/queries/edit-users";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/passwords";
import { ROLES } from "@/db/schema";
import { act } from "../_lib/act";
import { revalidatePath } from "next/cache";
import type { ActionState } from "@/lib/action-state";
import { fields, optionalText, recordId } from "@/lib/forms";
import { actorOf } from "../_lib/load";

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

export async function createUserAction(_: ActionState, form: FormData): Promise<ActionState> {
  return act(async () => {
    const actor = await authorizeAction("admin");
    const input = NewUser.parse(fields(form));
    const passwordHash = await hashPassword(input.password);
    createUserAudited({ email: input.email, name: input.name, role: input.role, passwordHash }, actorOf(actor));
    revalidatePath("/admin/users");
    return `已创建账号 ${input.email}`;
  });
}

export async function setUserRoleAction(_: ActionState, form: FormData): Promise<ActionState> {
  return act(async () => {
    const actor = await authorizeAction("admin");
    const input = z.object({ userId: recordId, role: z.enum(ROLES) }).parse(fields(form));
    changeUserRole(input, actorOf(actor));
    revalidatePath("/admin/users");
    return "角色已更改";
  });
}

export async function setUserDisabledAction(_: ActionState, form: FormData): Promise<ActionState> {
  return act(async () => {
    const actor = await authorizeAction("admin");
    const input = z.object({ userId: recordId, disabled: z.enum(["0", "1"]) }).parse(fields(form));
    changeUserDisabled({ userId: input.userId, disabled: input.disabled === "1" }, actorOf(actor));
    revalidatePath("/admin/users");
    return input.disabled === "1" ? "已停用，该用户已被登出" : "已启用";
  });
}

export async function changePasswordAction(_: ActionState, form: FormData): Promise<ActionState> {
  return act(async () => {
    const actor = await authorizeAction();
    const input = z.object({ current: z.string().max(200), next: password, confirm: z.string() }).parse(fields(form));
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
    changeOwnPassword({ userId: actor.user.id, passwordHash: await hashPassword(input.next), keepSessionId: actor.sessionId }, actorOf(actor));
    return "密码已更改；其他设备上的登录已失效";
  });
}
