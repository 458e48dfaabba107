// The preview: the reader's own components over draft data, under a banner that says so.
import type { ReactNode } from "react";
import { requireEditor } from "@/app/(auth)/guards";

export const dynamic = "force-dynamic";

export default async function PreviewLayout({ children }: { children: ReactNode }) {
  await requireEditor();
  return (
    <>
      <p className="admin-preview-banner" role="note">预览：读者在发布前看不到这些内容。<a href="/admin">返回编辑后台</a></p>
      {children}
    </>
  );
}
