// Reader and API URLs, relative to the site (the API answers with paths; clients resolve them).
import "server-only";

export const readerUrls = (paper: string, date: string) => ({
  issue: `/${paper}/${date}`,
  contents: `/${paper}/${date}/contents`,
  page: (label: string) => `/${paper}/${date}/${encodeURIComponent(label)}`,
  article: (id: number) => `/${paper}/${date}/article/${id}`,
});

export const apiUrls = (paper: string) => ({
  paper: `/api/v1/papers/${paper}`,
  issues: (month?: string) => `/api/v1/papers/${paper}/issues${month ? `?month=${month}` : ""}`,
  issue: (date: string) => `/api/v1/papers/${paper}/issues/${date}`,
  page: (date: string, label: string) => `/api/v1/papers/${paper}/issues/${date}/pages/${encodeURIComponent(label)}`,
  article: (date: string, id: number) => `/api/v1/papers/${paper}/issues/${date}/articles/${id}`,
});
