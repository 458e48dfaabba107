// One printed page of an issue: the front page under its masthead, an inside page under a slim
// header; the page itself (scan with zones, or typeset) beside 版面导航 and 本版标题.
import type { PageContext, IssueNav } from "@/db/queries/reader-views";
import { Masthead } from "./masthead";
import { PageHeader } from "./page-header";
import { PageScan, scanOf } from "./page-scan";
import { TypesetPage } from "./typeset-page";
import { PageNav } from "./page-nav";
import { PieceList } from "./piece-list";
import { Pager } from "./pager";
import { IssueBox } from "./issue-box";
import { PageTurnKeys } from "./page-turn-keys";

export function PageView({ ctx, nav }: { ctx: PageContext; nav: IssueNav }) {
  const front = ctx.index === 0;
  const scan = scanOf(ctx.page);
  return (
    <div className={front ? "reader reader--front" : "reader reader--inside"}>
      {front ? <Masthead ctx={ctx} /> : <PageHeader ctx={ctx} page={ctx.page} />}
      <main id="main" className="reader__page" data-swipe tabIndex={-1}>
        {scan ? <PageScan ctx={ctx} scan={scan} /> : <TypesetPage ctx={ctx} />}
        <Pager ctx={ctx} />
      </main>
      <aside className="reader__side" aria-label="版面与本版标题">
        <PageNav ctx={ctx} current={ctx.index} />
        <PieceList ctx={ctx} scanned={scan != null} />
        <IssueBox ctx={ctx} nav={nav} />
      </aside>
      <PageTurnKeys />
    </div>
  );
}
