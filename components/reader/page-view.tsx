// One printed page of an issue: the front page under its masthead, an inside page under a slim
// header; the page itself (scan with zones, or typeset) beside 版面导航 and 本版标题.
import type { PageContext, IssueNav, OfflineList } from "@/db/queries/reader-views";
import { formatIssueDate } from "@/lib/dates";
import { HighlightTerms } from "@/components/search/highlight-terms";
import { Masthead } from "./masthead";
import { PageHeader } from "./page-header";
import { PageScan, scanOf } from "./page-scan";
import { TypesetPage } from "./typeset-page";
import { PageNav } from "./page-nav";
import { PieceList } from "./piece-list";
import { Pager } from "./pager";
import { IssueBox } from "./issue-box";
import { PageTurnKeys } from "./page-turn-keys";
import { Listen } from "./listen";
import { OfflineBox } from "./offline-box";
import { ScanHits } from "./scan-hits";
import { IslandScript } from "./island-script";

/** `offline`: what 保存本期 keeps; readers' routes pass it, the back office's preview does not. */
export function PageView({ ctx, nav, offline }: { ctx: PageContext; nav: IssueNav; offline?: OfflineList }) {
  const front = ctx.index === 0;
  const scan = scanOf(ctx.page);
  const api = `/api/v1/papers/${ctx.paper.slug}/issues/${ctx.issue.date}/pages/${encodeURIComponent(ctx.page.label)}`;
  return (
    <div className={front ? "reader reader--front" : "reader reader--inside"}>
      {front ? <Masthead ctx={ctx} /> : <PageHeader ctx={ctx} page={ctx.page} />}
      <main id="main" className="reader__page" data-swipe tabIndex={-1}>
        {offline && <Listen mode="page" source={api} />}
        {scan ? <PageScan ctx={ctx} scan={scan} /> : <TypesetPage ctx={ctx} />}
        <Pager ctx={ctx} />
      </main>
      <aside className="reader__side" aria-label="版面与本版标题">
        <PageNav ctx={ctx} current={ctx.index} />
        <PieceList ctx={ctx} scanned={scan != null} />
        <IssueBox ctx={ctx} nav={nav} />
        {offline && <OfflineBox {...offline} title={`${ctx.paper.name} ${formatIssueDate(ctx.issue.date)}`} />}
      </aside>
      <PageTurnKeys />
      {/* From a search result (?hl=…): the words marked on the typeset page, or on the scan. */}
      {scan ? <ScanHits alto={`/${ctx.paper.slug}/${ctx.issue.date}/${encodeURIComponent(ctx.page.label)}/alto.xml`} />
        : <HighlightTerms selector=".typeset" />}
      <IslandScript />
    </div>
  );
}
