// OpenGraph fields and a schema.org NewsArticle (JSON-LD) for an article page, from a small view
// object. No React, no Next: the page turns these into `metadata` and a <script> tag.

export type ArticleMetaInput = {
  /** Public origin, e.g. "https://epaper.example" (see lib/site.ts siteOrigin). */
  origin: string;
  paper: { slug: string; name: string };
  issue: { date: string; number?: number | null; publishedAt?: string | null };
  article: {
    id: number;
    title: string;
    kicker?: string | null;
    subtitle?: string | null;
    byline?: string | null;
    paragraphs: string[];
    images?: { src: string; caption: string | null; width?: number; height?: number }[];
    /** The page the story starts on, and its section (版名). */
    pageLabel?: string | null;
    section?: string | null;
    /** False for a story the paper keeps for subscribers (schema.org's paywall markup). */
    free?: boolean;
  };
};

export type ArticleMeta = {
  canonical: string;
  description: string;
  openGraph: {
    type: "article";
    url: string;
    title: string;
    description: string;
    siteName: string;
    locale: "zh_CN";
    publishedTime: string;
    section?: string;
    authors?: string[];
    images?: { url: string; width?: number; height?: number; alt?: string }[];
  };
  jsonLd: Record<string, unknown>;
};

const DESCRIPTION_CHARS = 120;

/** An issue date is a calendar date: the instant is Beijing midnight unless we know better. */
function publishedInstant(date: string, publishedAt?: string | null): string {
  return publishedAt ?? `${date}T00:00:00+08:00`;
}

function absolute(origin: string, path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return `${origin}${path.startsWith("/") ? "" : "/"}${path}`;
}

/** Reporters' names from a printed author line: "本报记者 程雨桐 许嘉禾" → [程雨桐, 许嘉禾]. */
export function authorNames(byline: string | null | undefined): string[] {
  if (!byline) return [];
  const cleaned = byline
    .replace(/本报讯|新华社[^\s（(]*电?/g, " ")
    .replace(/[（()）【】[\]]/g, " ")
    .replace(/(本报|特约)?(记者|通讯员|实习生|见习记者|摄影|撰稿|整理|文\/|图\/)/g, " ");
  return [...new Set(cleaned.split(/[\s、，,：:／/]+/).filter((n) => /^\p{Script=Han}{2,4}$/u.test(n)))];
}

export function articleMeta({ origin, paper, issue, article }: ArticleMetaInput): ArticleMeta {
  const canonical = `${origin}/${paper.slug}/${issue.date}/article/${article.id}`;
  const text = article.paragraphs.join("").replace(/\s+/g, " ").trim();
  const description = text.length > DESCRIPTION_CHARS ? `${text.slice(0, DESCRIPTION_CHARS)}…` : text;
  const published = publishedInstant(issue.date, issue.publishedAt);
  const authors = authorNames(article.byline);
  const images = (article.images ?? []).map((img) => ({
    url: absolute(origin, img.src), width: img.width, height: img.height, alt: img.caption ?? undefined,
  }));
  const publisher = { "@type": "NewsMediaOrganization", name: paper.name, url: `${origin}/${paper.slug}` };
  const jsonLd: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": canonical },
    url: canonical,
    headline: article.title.slice(0, 110),
    ...(article.subtitle ? { alternativeHeadline: article.subtitle.replace(/^——/, "") } : {}),
    description,
    datePublished: published,
    inLanguage: "zh-CN",
    isAccessibleForFree: article.free ?? true,
    ...(article.free === false ? { hasPart: { "@type": "WebPageElement", isAccessibleForFree: false, cssSelector: ".paywall" } } : {}),
    ...(article.section ? { articleSection: article.section } : {}),
    ...(article.pageLabel ? { printEdition: issue.number != null ? `第${issue.number}期` : undefined, printPage: article.pageLabel } : {}),
    ...(images.length ? { image: images.map((i) => i.url) } : {}),
    author: authors.length ? authors.map((name) => ({ "@type": "Person", name })) : [publisher],
    publisher,
  };
  return {
    canonical,
    description,
    openGraph: {
      type: "article", url: canonical, title: article.title, description, siteName: paper.name, locale: "zh_CN",
      publishedTime: published,
      ...(article.section ? { section: article.section } : {}),
      ...(authors.length ? { authors } : {}),
      ...(images.length ? { images } : {}),
    },
    jsonLd,
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so the text cannot close the tag. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
