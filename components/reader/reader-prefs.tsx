// Reading settings on every reader screen: text size, 关怀模式 (large type, strong contrast, big
// targets, no motion), night mode and 简/繁. All live on the device (./prefs.ts), so the pages
// themselves stay the same for every reader and can be cached; the switches are rendered off
// and reader-prefs.island.ts shows and changes the device's choices.
import { FontSizeControl } from "./font-size-control";
import "./reader-prefs.css";

export function ReaderPrefs() {
  return (
    <div className="prefs" role="group" aria-label="阅读设置" data-no-convert data-island="prefs">
      <FontSizeControl />
      <button type="button" role="switch" aria-checked="false" data-pref="care" className="prefs__switch">关怀模式</button>
      <button type="button" role="switch" aria-checked="false" data-pref="night" className="prefs__switch">夜间模式</button>
      <button type="button" role="switch" aria-checked="false" data-pref="trad" className="prefs__switch" lang="zh-Hant">繁體</button>
      <span className="prefs__note" role="status" />
    </div>
  );
}
