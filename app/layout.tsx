import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { fontScaleScript } from "@/components/reader/font-scale";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "版面 · 数字报", template: "%s" },
  description: "报纸数字版：版面、文章与往期回顾",
};

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
    // suppressHydrationWarning: the inline script may set --font-scale on <html> before hydration.
    <html lang="zh-CN" suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: our own constant script, allowed by its hash in the CSP. */}
        <script dangerouslySetInnerHTML={{ __html: fontScaleScript }} />
      </head>
      <body>
        <a className="skip-link" href="#main">跳到正文</a>
        {children}
      </body>
    </html>
  );
}
