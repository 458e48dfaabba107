// Runs a server action's body and turns its failures into a message for the form: any AppError
// (refused authorisation, records the data refuses, a busy or full database) shows its own
// message, invalid input its first zod issue. Anything unexpected is logged here with its cause
// and shown as a plain sentence, so database details never reach the browser.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { refresh, revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { AppError } from "@/lib/errors";

export type Outcome = string | undefined | { message: string; data: unknown };

export async function act(work: () => Promise<Outcome> | Outcome): Promise<ActionState> {
  const at = Date.now();
  try {
    const out = await work();
    if (out && typeof out === "object") return { ok: true, error: null, message: out.message, data: out.data, at };
    return { ok: true, error: null, message: out ?? "已保存", at };
  } catch (e) {
    unstable_rethrow(e);
    // Nothing was written; a busy or full database's message says whether to retry now or call someone.
    if (e instanceof AppError) return { ok: false, error: e.message, message: null, at };
    if (e instanceof z.ZodError) return { ok: false, error: e.issues[0]?.message ?? "输入有误", message: null, at };
    console.error("[admin] action failed", e);
    return { ok: false, error: "保存失败，请重试；问题持续请联系管理员", message: null, at };
  }
}

/**
 * After a change: readers' caches are rebuilt when the issue is live (they must see the change
 * within seconds); a draft only needs the editor's own view refreshed.
 */
export function afterChange(status: string | null) {
  if (status === "published") revalidatePath("/", "layout");
  else refresh();
}
