// Beside an article: copy its link, to paste into WeChat or a message (article-tools.island.ts).
export function CopyLink({ url }: { url: string }) {
  return (
    <span className="copy-link" data-island="copy-link" data-url={url}>
      <button type="button">复制链接</button>
      <span role="status" className="copy-link__status" />
    </span>
  );
}
