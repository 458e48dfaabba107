// What every back-office server action returns to its form: an error or a confirmation to show,
// and, where a form must survive a failure, the values that were sent. Plain module: client
// components import the type and the initial value.
export type ActionState = {
  ok: boolean;
  error: string | null;
  message: string | null;
  /** Increments on each reply, so a client can tell a new answer from an old one. */
  at: number;
  data?: unknown;
};

export const initialActionState: ActionState = { ok: false, error: null, message: null, at: 0 };
