// The reading settings' behaviour (markup: reader-prefs.tsx). Each switch flips a class on <html>
// and remembers it on the device; 繁體 converts the page's text (script-convert.ts, loaded only
// when asked for, and on every page load while it is on).
import { FONT_SCALE_KEY, FONT_SCALE_STEPS as STEPS } from "./font-scale";
import { isNight, PREF_KEYS, savePref } from "./prefs";

const html = () => document.documentElement;

function mountFontSize(group: HTMLElement) {
  const value = group.querySelector<HTMLElement>(".font-size__value");
  const [smaller, larger] = [...group.querySelectorAll<HTMLButtonElement>("[data-font-step]")];
  const saved = STEPS.indexOf(Number(html().style.getPropertyValue("--font-scale")));
  let step = saved >= 0 ? saved : STEPS.indexOf(1);
  const show = () => {
    if (value) value.textContent = `${Math.round(STEPS[step] * 100)}%`;
    if (smaller) smaller.disabled = step === 0;
    if (larger) larger.disabled = step === STEPS.length - 1;
  };
  const change = (delta: number) => {
    step = Math.min(STEPS.length - 1, Math.max(0, step + delta));
    html().style.setProperty("--font-scale", String(STEPS[step]));
    savePref(FONT_SCALE_KEY, String(STEPS[step]));
    show();
  };
  smaller?.addEventListener("click", () => change(-1));
  larger?.addEventListener("click", () => change(1));
  show();
}

async function showScript(trad: boolean, say: (text: string) => void) {
  try {
    const m = await import("./script-convert");
    if (trad) await m.showTraditional();
    else m.showSimplified();
    say("");
  } catch {
    say("繁体转换未能加载");
  }
}

export function mountPrefs(root: HTMLElement) {
  const note = root.querySelector<HTMLElement>(".prefs__note");
  const say = (text: string) => { if (note) note.textContent = text; };
  const switchOf = (name: string) => root.querySelector<HTMLButtonElement>(`[data-pref="${name}"]`);
  const show = () => {
    const c = html().classList;
    switchOf("care")?.setAttribute("aria-checked", String(c.contains("care")));
    switchOf("night")?.setAttribute("aria-checked", String(isNight()));
    switchOf("trad")?.setAttribute("aria-checked", String(c.contains("trad")));
  };
  switchOf("care")?.addEventListener("click", () => {
    const on = html().classList.toggle("care");
    savePref(PREF_KEYS.care, on ? "1" : null);
    show();
  });
  switchOf("night")?.addEventListener("click", () => {
    const on = !isNight();
    html().classList.toggle("night", on);
    html().classList.toggle("day", !on);
    savePref(PREF_KEYS.theme, on ? "night" : "day");
    show();
  });
  switchOf("trad")?.addEventListener("click", () => {
    const on = html().classList.toggle("trad");
    savePref(PREF_KEYS.script, on ? "trad" : null);
    show();
    void showScript(on, say);
  });
  const fontSize = root.querySelector<HTMLElement>(".font-size");
  if (fontSize) mountFontSize(fontSize);
  show();
  // The page arrives in simplified characters: convert it when the reader reads traditional.
  if (html().classList.contains("trad")) void showScript(true, say);
}
