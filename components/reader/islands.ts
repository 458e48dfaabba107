// The reader's scripts, one bundle for every reader page (scripts/islands.mjs builds it). The
// server renders each control in full; the element that needs behaviour names it in
// data-island (several names separated by spaces), and this mounts each once. One island that
// fails leaves the others working, and the page itself readable.
import { mountCopyLink, mountFocusTitle } from "./article-tools.island";
import { mountListen } from "./listen.island";
import { mountOffline } from "./offline-box.island";
import { mountPageKeys } from "./page-turn-keys.island";
import { mountPrefs } from "./reader-prefs.island";
import { mountScanHits } from "./scan-hits.island";
import { mountZoom } from "./zoomable-scan.island";
import { mountSignin } from "@/components/admin/signin-form.island";
import { mountHighlight } from "@/components/search/highlight-terms.island";
import { mountBookmark } from "@/components/subscribe/article-tools.island";
import { mountPaywall } from "@/components/subscribe/paywall.island";

const ISLANDS = new Map<string, (el: HTMLElement) => void>(Object.entries({
  bookmark: mountBookmark,
  "copy-link": mountCopyLink,
  "focus-title": mountFocusTitle,
  highlight: mountHighlight,
  listen: mountListen,
  offline: mountOffline,
  "page-keys": mountPageKeys,
  paywall: mountPaywall,
  prefs: mountPrefs,
  "scan-hits": mountScanHits,
  signin: mountSignin,
  zoom: mountZoom,
}));

for (const el of document.querySelectorAll<HTMLElement>("[data-island]")) {
  for (const name of (el.dataset.island ?? "").split(/\s+/).filter(Boolean)) {
    try {
      const mount = ISLANDS.get(name);
      if (!mount) throw new Error("no such island");
      mount(el);
    } catch (e) {
      console.error(`island "${name}" failed`, e);
    }
  }
}
