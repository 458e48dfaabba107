"use client";
// Reading settings on every reader screen: text size, 关怀模式 (large type, strong contrast, big
// targets, no motion), night mode and 简/繁. All live on the device (./prefs.ts), so the pages
// themselves stay the same for every reader and can be cached.
import { useEffect, useState } from "react";
import { usePathname } from "next/navigation";
import { FontSizeControl } from "./font-size-control";
import { isNight, PREF_KEYS, savePref } from "./prefs";
import "./reader-prefs.css";

export function ReaderPrefs() {
  const pathname = usePathname();
  const [care, setCare] = useState(false);
  const [night, setNight] = useState(false);
  const [trad, setTrad] = useState(false);
  const [note, setNote] = useState("");

  useEffect(() => {
    const c = document.documentElement.classList;
    setCare(c.contains("care"));
    setNight(isNight());
    setTrad(c.contains("trad"));
  }, []);

  // Convert again after each navigation: the new page's text arrives simplified.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger, not an input
  useEffect(() => {
    if (!document.documentElement.classList.contains("trad")) return;
    import("./script-convert").then((m) => m.showTraditional()).catch(() => setNote("繁体转换未能加载"));
  }, [pathname]);

  const toggleCare = () => {
    const on = !care;
    document.documentElement.classList.toggle("care", on);
    savePref(PREF_KEYS.care, on ? "1" : null);
    setCare(on);
  };
  const toggleNight = () => {
    const on = !night;
    const c = document.documentElement.classList;
    c.toggle("night", on);
    c.toggle("day", !on);
    savePref(PREF_KEYS.theme, on ? "night" : "day");
    setNight(on);
  };
  const toggleTrad = async () => {
    const on = !trad;
    document.documentElement.classList.toggle("trad", on);
    savePref(PREF_KEYS.script, on ? "trad" : null);
    setTrad(on);
    try {
      const m = await import("./script-convert");
      if (on) await m.showTraditional();
      else m.showSimplified();
      setNote("");
    } catch {
      setNote("繁体转换未能加载");
    }
  };

  return (
    <div className="prefs" role="group" aria-label="阅读设置" data-no-convert>
      <FontSizeControl />
      <button type="button" role="switch" aria-checked={care} onClick={toggleCare} className="prefs__switch">关怀模式</button>
      <button type="button" role="switch" aria-checked={night} onClick={toggleNight} className="prefs__switch">夜间模式</button>
      <button type="button" role="switch" aria-checked={trad} onClick={toggleTrad} className="prefs__switch" lang="zh-Hant">繁體</button>
      {note && <span className="prefs__note" role="status">{note}</span>}
    </div>
  );
}
