// Shared by the font-size control (client) and the root layout's pre-paint script (server).
export const FONT_SCALE_KEY = "banmian:font-scale";
export const FONT_SCALE_STEPS = [0.875, 1, 1.125, 1.25, 1.5, 1.75];

/** Runs in <head> before paint so a saved size never flashes from the default. */
export const fontScaleScript = `try{var s=Number(localStorage.getItem(${JSON.stringify(FONT_SCALE_KEY)}));if(${JSON.stringify(FONT_SCALE_STEPS)}.indexOf(s)>=0)document.documentElement.style.setProperty("--font-scale",String(s))}catch(e){}`;
