// 收藏 on an article. Rendered for everyone as a link to sign in; for a signed-in reader,
// article-tools.island.ts turns it into the bookmark button and keeps the reading history.
import { accountHref } from "./reader-flag";
import "./subscribe.css";

/** `here`: the article's path, where sign-in brings the reader back to. */
export function ArticleTools({ articleId, here }: { articleId: number; here: string }) {
  return (
    <p className="article-tools" data-island="bookmark" data-article-id={articleId}>
      <a className="article-tools__save" href={accountHref("signin", here)}>☆ 收藏</a>
    </p>
  );
}
