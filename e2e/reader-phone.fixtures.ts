// Shared by the phone specs: a 375-pixel touch phone at 2× density, and a fake speech engine that
// records what the page asks it to say (headless Chromium has no voices). The app is not stubbed:
// the fake stands in for the browser's own speechSynthesis, as a phone's engine would.
import type { Page } from "@playwright/test";

// The screen matters as much as the viewport: Chromium's preload scanner picks srcset widths
// from the screen before layout, and a desktop-sized screen would fetch a scan a phone never would.
export const PHONE = {
  viewport: { width: 375, height: 812 }, screen: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  userAgent: "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
};
export const ISSUE = "/linlan/2026-11-26";
export const LEAD = "临澜地铁1号线一期开通运营";

export type SpeechCall = { op: string; text?: string; lang?: string; rate?: number; voice?: string | null };

/** Installs a speech engine with the given voices; calls are kept in window.__speech. */
export async function fakeSpeech(page: Page, langs: string[] = ["zh-CN"], ms = 120) {
  await page.addInitScript(({ langs, ms }) => {
    const calls: unknown[] = [];
    (window as unknown as { __speech: unknown[] }).__speech = calls;
    const voices = langs.map((lang, i) => ({ name: `Fake ${lang}`, lang, default: i === 0, localService: true, voiceURI: `fake-${lang}` }));
    class FakeUtterance {
      text: string; lang = ""; rate = 1; pitch = 1; volume = 1;
      voice: { name: string } | null = null;
      onend: ((e: Event) => void) | null = null;
      onerror: ((e: Event) => void) | null = null;
      constructor(text: string) { this.text = text; }
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const synth = {
      speaking: false, paused: false, pending: false, onvoiceschanged: null,
      getVoices: () => voices,
      speak(u: FakeUtterance) {
        calls.push({ op: "speak", text: u.text, lang: u.lang, rate: u.rate, voice: u.voice?.name ?? null });
        synth.speaking = true;
        timer = setTimeout(() => { synth.speaking = false; u.onend?.(new Event("end")); }, ms);
      },
      cancel() { calls.push({ op: "cancel" }); clearTimeout(timer); synth.speaking = false; },
      pause() { calls.push({ op: "pause" }); },
      resume() { calls.push({ op: "resume" }); },
      addEventListener() {}, removeEventListener() {},
    };
    Object.defineProperty(window, "speechSynthesis", { configurable: true, get: () => synth });
    Object.defineProperty(window, "SpeechSynthesisUtterance", { configurable: true, writable: true, value: FakeUtterance });
  }, { langs, ms });
}

export const speechCalls = (page: Page) => page.evaluate(() => (window as unknown as { __speech: SpeechCall[] }).__speech);

/** WCAG contrast ratio of two CSS rgb() colours. */
export function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** Sets the reader's device preferences before any page script runs. */
export async function presetPrefs(page: Page, prefs: Record<string, string>) {
  await page.addInitScript((p) => { for (const [k, v] of Object.entries(p)) localStorage.setItem(k, v); }, prefs);
}
