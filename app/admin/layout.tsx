// Everything under /admin: signed-in editors only (each page and action checks again, since a
// layout is not re-run on every navigation). The back office's own styles are scoped under
// .admin* classes so the preview, which shares this layout, looks exactly as readers see it.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { requireEditor } from "@/app/(auth)/guards";
import "./admin.css";

export const metadata: Metadata = { title: "版面 · 编辑后台", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

export default async function AdminRootLayout({ children }: { children: ReactNode }) {
  await requireEditor();
  return children;
}
