// The reader's choices on this device, applied to <html> before the first paint so a page never
// flashes in the wrong size or colours. Loaded as a file (no inline script), first in <head>.
// Keys and classes: components/reader/prefs.ts.
(function () {
  try {
    var d = document.documentElement, l = window.localStorage;
    var s = Number(l.getItem("banmian:font-scale"));
    if ([0.875, 1, 1.125, 1.25, 1.5, 1.75].indexOf(s) >= 0) d.style.setProperty("--font-scale", String(s));
    if (l.getItem("banmian:care") === "1") d.classList.add("care");
    var t = l.getItem("banmian:theme");
    if (t === "night" || t === "day") d.classList.add(t);
    if (l.getItem("banmian:script") === "trad") d.classList.add("trad");
  } catch (e) {
    // No storage (private mode, blocked): the defaults apply.
  }
})();
