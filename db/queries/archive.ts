// Reader-side views of the archive for the JSON API, the feed and the sitemap: published issues
// only, built from the reader queries (which never return drafts), shaped for output.
import "server-only";
import {
  getAdjacentPublishedDates, getLatestPublishedIssue, getPublishedIssue, listPublishedPages,
  type IssueView, type PageSummary, type PublishedIssueRef,
} from "./issues";
import { listPiecesOnPublishedPage, type PieceOnPage } from "./pages";
import { getPaperBySlug, type PaperView } from "./papers";
import { storyTitle } from "@/lib/format";

export type PublishedIssue = { paper: PaperView; issue: IssueView; pages: PageSummary[] };

/** A paper's published issue with its pages, or null (unknown paper, draft, no pages). */
export function findPublishedIssue(paperSlug: string, date: string): PublishedIssue | null {
  const paper = getPaperBySlug(paperSlug);
  if (!paper) return null;
  const issue = getPublishedIssue(paper.id, date);
  if (!issue) return null;
  const pages = listPublishedPages({ paperId: paper.id, date });
  return pages.length ? { paper, issue, pages } : null;
}

/** The newest `count` published issues of a paper, newest first. */
export function latestPublishedIssues(paper: PaperView, count: number): IssueView[] {
  const out: IssueView[] = [];
  let issue = getLatestPublishedIssue(paper.id);
  while (issue && out.length < count) {
    out.push(issue);
    const prev = getAdjacentPublishedDates(paper.id, issue.date).prev;
    issue = prev ? getPublishedIssue(paper.id, prev) : null;
  }
  return out;
}

export type ContentsEntry = {
  articleId: number;
  title: string;
  kicker: string | null;
  /** This page carries a continuation (上接…) of a story that starts on an earlier page. */
  continued: boolean;
  piece: PieceOnPage;
};

/** Every page of an issue with the stories printed on it, in print order. */
export function issueContents(ref: PublishedIssueRef, pages: PageSummary[]): { page: PageSummary; entries: ContentsEntry[] }[] {
  return pages.map((page) => ({
    page,
    entries: listPiecesOnPublishedPage({ ...ref, label: page.label }).map((piece) => ({
      articleId: piece.articleId,
      title: storyTitle(piece.title, piece.paragraphs, piece.headline),
      kicker: piece.seq === 0 ? piece.kicker : null,
      continued: piece.seq > 0,
      piece,
    })),
  }));
}
