// 保存本期: keeps an issue on the device for reading without a connection (offline-box.island.ts
// does the saving, lists saved issues with the space they take, and removes them).
import type { OfflineList } from "@/db/queries/reader-views";

export function OfflineBox({ issueKey, title, href, urls }: OfflineList & { title: string }) {
  return (
    <section className="side-box offline-box" aria-labelledby="offline-box-title" data-no-convert data-island="offline"
      data-issue-key={issueKey} data-title={title} data-href={href} data-urls={JSON.stringify(urls)}>
      <h2 id="offline-box-title" className="side-box__title">离线阅读</h2>
      <button type="button" className="offline-box__save">保存本期（离线阅读）</button>
      <p className="offline-box__progress" hidden>
        <progress value={0} max={1} aria-label="保存进度" />
        <span role="status" />
      </p>
      <p role="status" className="offline-box__message" />
      <ul className="offline-box__list" aria-label="已保存的报纸" hidden />
    </section>
  );
}
