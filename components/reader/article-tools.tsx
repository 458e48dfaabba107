"use client";
// Beside an article: copy its link (to paste into WeChat or a message), and put the keyboard and
// screen-reader focus on its title when it opens, not on <body>.
import { useEffect, useState } from "react";

export function FocusTitle() {
  useEffect(() => {
    // A reader arriving for a particular spot (#…) keeps it.
    if (window.location.hash) return;
    document.getElementById("article-title")?.focus({ preventScroll: true });
  }, []);
  return null;
}

export function CopyLink({ url }: { url: string }) {
  const [state, setState] = useState<"" | "done" | "failed">("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState("done");
    } catch {
      setState("failed");
    }
  };
  return (
    <span className="copy-link">
      <button type="button" onClick={copy}>复制链接</button>
      <span role="status" className="copy-link__status">
        {state === "done" ? "链接已复制" : state === "failed" ? `请手动复制：${url}` : ""}
      </span>
    </span>
  );
}
