import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { siteOrigin } from "@/lib/site";
import "./globals.css";

// Read per request, not at build: the public origin (AUTH_URL) is known only where the app runs.
export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(siteOrigin()),
    title: { default: "版面 · 数字报", template: "%s" },
    description: "报纸数字版：版面、文章与往期回顾",
    manifest: "/manifest.webmanifest",
    icons: { icon: [{ url: "/favicon.ico", sizes: "any" }, { url: "/icon-192.png", type: "image/png", sizes: "192x192" }],
      apple: "/icon-192.png" },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#17171a" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // suppressHydrationWarning: public/prefs.js sets classes and --font-scale on <html> before the
    // pages that do hydrate (the account pages, the back office) are hydrated.
    <html lang="zh-CN" suppressHydrationWarning>
      <head>
        {/* A small blocking file, not an inline script (the CSP allows none): applies the
            reader's size, 关怀模式, night and 简/繁 choices before the first paint. */}
        <script src="/prefs.js" />
      </head>
      <body>
        <a className="skip-link" href="#main">跳到正文</a>
        {children}
      </body>
    </html>
  );
}
