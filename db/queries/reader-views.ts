// The view-shaped objects a reader route hands to its components: a published issue, one of its
// pages, one of its articles, a month's calendar. Types only; app/[paper]/_lib/load.ts fills them.
import type { IssueLinks } from "../../lib/format";
import type { ArticleWithPieces, listPublishedArticles } from "./articles";
import type { IssueView, PageSummary } from "./issues";
import type { PaperView } from "./papers";
import type { PieceOnPage } from "./pages";

export type IssueContext = {
  paper: PaperView;
  issue: IssueView;
  pages: PageSummary[];
  links: IssueLinks;
  /** The preview's context, whose reads see drafts (…ForEdit); readers' never do. */
  forEdit: boolean;
};

export type PageContext = IssueContext & {
  page: PageSummary;
  index: number;
  pieces: PieceOnPage[];
  /** False when the URL spelled the label another way (03, 三版). */
  canonical: boolean;
};

export type ArticleListItem = ReturnType<typeof listPublishedArticles>[number];

export type ArticleContext = IssueContext & {
  /** gated: the reader gets the opening only (lib/access.ts); a subscriber's full text is loaded apart. */
  article: ArticleWithPieces & { gated: boolean };
  prev: ArticleListItem | null;
  next: ArticleListItem | null;
};

export type MonthData = { month: string; dates: string[]; prevMonth: string | null; nextMonth: string | null };

export type IssueNav = {
  adjacent: { prev: string | null; next: string | null };
  month: MonthData;
};

/** A piece as the reader draws it: its zone is one rectangle or several (an L-shaped story). */
export type ReaderPiece = PieceOnPage;

/** What 保存本期 keeps of an issue: the addresses of its pages, articles and phone-width images. */
export type OfflineList = { issueKey: string; href: string; urls: string[] };
