// /robots.txt: everything readable but the back office, its API and search result pages
// (endless query variations of content that is already reachable by link).
import type { MetadataRoute } from "next";
import { siteOrigin } from "@/lib/site";

export const dynamic = "force-dynamic";

export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = siteOrigin();
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/api/admin", "/search?", "/signin"] },
    sitemap: `${origin}/sitemap.xml`,
  };
}
