// The editors' sign-in form (markup: signin-form.tsx) posts without script; this keeps a second
// press from counting as a second attempt against the throttle, and after a refusal puts the
// focus in the email field, whose description is the refusal, so a screen reader says it.
export function mountSignin(form: HTMLElement) {
  if (!(form instanceof HTMLFormElement)) return;
  const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
  const label = button?.textContent ?? "";
  let sent = false;
  form.addEventListener("submit", (e) => {
    if (sent) { e.preventDefault(); return; }
    sent = true;
    if (button) { button.textContent = "正在登录…"; button.setAttribute("aria-disabled", "true"); }
  });
  // Back to this page from the browser's cache: the form can be sent again.
  window.addEventListener("pageshow", () => {
    sent = false;
    if (button) { button.textContent = label; button.removeAttribute("aria-disabled"); }
  });
  if (form.querySelector("#signin-error")?.textContent) form.querySelector<HTMLInputElement>("input[name=email]")?.focus();
}
