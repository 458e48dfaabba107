import type { Metadata } from "next";
import { listBookmarks } from "@/db/queries/reader-library";
import { requireReader } from "@/app/(auth)/reader-session";
import { SavedList } from "@/components/subscribe/saved-list";

export const metadata: Metadata = { title: "收藏 - 版面" };

export default async function BookmarksPage() {
  const { reader } = await requireReader("/account/bookmarks");
  return (
    <>
      <h1>收藏</h1>
      <SavedList items={listBookmarks(reader.id)} label="收藏的文章" empty="还没有收藏。在文章页点“☆ 收藏”即可。" />
    </>
  );
}
