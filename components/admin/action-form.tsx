"use client";
// A form bound to a server action, with its answer shown beside it. Submitting through
// startTransition (not the form's own action) keeps what the editor typed when the action
// fails: React resets forms after an action prop runs, and a failed save must lose nothing.
import { startTransition, useActionState, useEffect, useRef, type ReactNode } from "react";
import { initialActionState, type ActionState } from "@/lib/action-state";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  children?: ReactNode;
  submit?: string;
  confirm?: string;
  className?: string;
  resetOnSuccess?: boolean;
  hidden?: Record<string, string | number>;
  onDone?: (state: ActionState) => void;
  label?: string;
};

export function ActionForm({ action, children, submit, confirm, className, resetOnSuccess, hidden, onDone, label }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const ref = useRef<HTMLFormElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: onDone is a fresh closure each render; the answer (state.at) is what matters.
  useEffect(() => {
    if (state.at === 0) return;
    if (state.ok && resetOnSuccess) ref.current?.reset();
    onDone?.(state);
  }, [state.at]);

  return (
    <form
      ref={ref}
      action={formAction}
      aria-label={label}
      className={["admin-form", className].filter(Boolean).join(" ")}
      onSubmit={(e) => {
        e.preventDefault();
        if (confirm && !window.confirm(confirm)) return;
        const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
        startTransition(() => formAction(data));
      }}
    >
      {hidden && Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      {children}
      {submit && <button type="submit" disabled={pending}>{pending ? "处理中…" : submit}</button>}
      <FormStatus state={state} pending={pending} />
    </form>
  );
}

export function FormStatus({ state, pending }: { state: ActionState; pending: boolean }) {
  if (pending) return <span className="admin-status" aria-live="polite">处理中…</span>;
  if (state.error) return <span className="admin-status admin-status--error" role="alert">{state.error}</span>;
  if (state.message) return <span className="admin-status admin-status--ok" aria-live="polite">{state.message}</span>;
  return <span className="admin-status" aria-live="polite" />;
}
