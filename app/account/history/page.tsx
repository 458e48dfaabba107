import type { Metadata } from "next";
import { listHistory } from "@/db/queries/reader-library";
import { requireReader } from "@/app/(auth)/reader-session";
import { SavedList } from "@/components/subscribe/saved-list";

export const metadata: Metadata = { title: "阅读历史 - 版面" };

export default async function HistoryPage() {
  const { reader } = await requireReader("/account/history");
  return (
    <>
      <h1>阅读历史</h1>
      <SavedList items={listHistory(reader.id)} label="读过的文章" empty="还没有阅读记录。" showProgress />
    </>
  );
}
