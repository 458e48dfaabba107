// The API's own URLs, relative to the site (the API answers with paths; clients resolve them).
// Reader URLs come from lib/format.ts (issueLinks), the same builder the reader's pages use.
import "server-only";

export const apiUrls = (paper: string) => ({
  paper: `/api/v1/papers/${paper}`,
  issues: (month?: string) => `/api/v1/papers/${paper}/issues${month ? `?month=${month}` : ""}`,
  issue: (date: string) => `/api/v1/papers/${paper}/issues/${date}`,
  page: (date: string, label: string) => `/api/v1/papers/${paper}/issues/${date}/pages/${encodeURIComponent(label)}`,
  article: (date: string, id: number) => `/api/v1/papers/${paper}/issues/${date}/articles/${id}`,
});
