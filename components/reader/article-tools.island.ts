// An article's small behaviours: 复制链接 (article-tools.tsx), and the keyboard and screen-reader
// focus on the story's title when it opens, not on <body>.

export function mountCopyLink(root: HTMLElement) {
  const url = root.dataset.url ?? window.location.href;
  const status = root.querySelector<HTMLElement>(".copy-link__status");
  root.querySelector("button")?.addEventListener("click", async () => {
    let text: string;
    try {
      await navigator.clipboard.writeText(url);
      text = "链接已复制";
    } catch {
      text = `请手动复制：${url}`;
    }
    if (status) status.textContent = text;
  });
}

export function mountFocusTitle(title: HTMLElement) {
  // A reader arriving for a particular spot (#…) keeps it.
  if (window.location.hash) return;
  title.focus({ preventScroll: true });
}
