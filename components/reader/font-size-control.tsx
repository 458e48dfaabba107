"use client";
// A− / A+ for the article text. The choice lives in localStorage and is applied as --font-scale
// on <html>; the root layout's inline script applies it again before paint on the next visit.
import { useEffect, useState } from "react";
import { FONT_SCALE_KEY, FONT_SCALE_STEPS as STEPS } from "./font-scale";

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
    try {
      localStorage.setItem(FONT_SCALE_KEY, String(STEPS[next]));
    } catch {
      // Private mode or storage full: the size still applies to this page.
    }
  };

  return (
    <div className="font-size" role="group" aria-label="字号">
      <button type="button" onClick={() => change(-1)} disabled={step === 0} aria-label="缩小字号">A−</button>
      <output aria-live="polite" className="font-size__value">{Math.round(STEPS[step] * 100)}%</output>
      <button type="button" onClick={() => change(1)} disabled={step === STEPS.length - 1} aria-label="放大字号">A+</button>
    </div>
  );
}
