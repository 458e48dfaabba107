"use client";
// A− / A+ for the reading text (pages and articles). The choice lives in localStorage and is
// applied as --font-scale on <html>; public/prefs.js applies it again before paint next time.
import { useEffect, useState } from "react";
import { FONT_SCALE_KEY, FONT_SCALE_STEPS as STEPS } from "./font-scale";
import { savePref } from "./prefs";

const DEFAULT_STEP = STEPS.indexOf(1);

export function FontSizeControl() {
  const [step, setStep] = useState(DEFAULT_STEP);

  useEffect(() => {
    const saved = Number(document.documentElement.style.getPropertyValue("--font-scale"));
    const i = STEPS.indexOf(saved);
    if (i >= 0) setStep(i);
  }, []);

  const change = (delta: number) => {
    const next = Math.min(STEPS.length - 1, Math.max(0, step + delta));
    setStep(next);
    document.documentElement.style.setProperty("--font-scale", String(STEPS[next]));
    savePref(FONT_SCALE_KEY, String(STEPS[next]));
  };

  // The visible "A−" starts each name, so voice control ("click A minus") finds the button.
  return (
    <div className="font-size" role="group" aria-label="字号">
      <button type="button" onClick={() => change(-1)} disabled={step === 0}>
        A−<span className="visually-hidden">（缩小字号）</span>
      </button>
      {/* A live span, not <output>: that is role="status", which belongs to the page's own messages. */}
      <span aria-live="polite" className="font-size__value">{Math.round(STEPS[step] * 100)}%</span>
      <button type="button" onClick={() => change(1)} disabled={step === STEPS.length - 1}>
        A+<span className="visually-hidden">（放大字号）</span>
      </button>
    </div>
  );
}
