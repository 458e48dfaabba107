// Shared by the font-size control and public/prefs.js (which repeats the steps: keep them equal).
export const FONT_SCALE_KEY = "banmian:font-scale";
export const FONT_SCALE_STEPS = [0.875, 1, 1.125, 1.25, 1.5, 1.75];
