// A gated story's body: the opening every visitor gets (rendered on the server, cached, the same
// for everyone), then 订阅后阅读全文 with sign-in and code redemption. For a signed-in reader,
// paywall.island.ts asks /api/reader/articles/{id} (private, never cached) for the full text and
// puts it in the opening's place, or shows the state the answer names.
import { ArticleBody } from "@/components/reader/article-body";
import { accountHref } from "./reader-flag";
import { RedeemFields } from "./redeem-fields";
import "./subscribe.css";

type Piece = { id: number; pageLabel: string; paragraphs: string[] };

/** `here`: the article's path, where sign-in brings the reader back to. */
export function PaywallPanel({ articleId, opening, pieceHref, here }: {
  articleId: number; opening: Piece[]; pieceHref: Record<number, string>; here: string;
}) {
  return (
    <>
      <ArticleBody pieces={opening.filter((p, i) => i === 0 || p.paragraphs.length > 0)} pieceHref={pieceHref} access="opening" />
      <aside className="paywall" aria-labelledby="paywall-title" data-island="paywall" data-article-id={articleId}
        data-piece-href={JSON.stringify(pieceHref)}>
        <h2 id="paywall-title">订阅后阅读全文</h2>
        <div data-paywall="anonymous">
          <p>本文为订户专享。已订阅的读者请登录；印刷版订户可用激活码开通。</p>
          <p className="paywall__links">
            <a className="paywall__primary" href={accountHref("signin", here)}>登录</a>
            <a href={accountHref("signup", here)}>注册账户</a>
          </p>
        </div>
        <div data-paywall="loading" hidden><p>正在确认您的订阅…</p></div>
        <div data-paywall="no-access" hidden>
          <p>您的账户暂未订阅本报<span data-paywall-meter hidden>，本月免费篇数已用完</span>。持有印刷版订阅的激活码？在此兑换：</p>
          <form className="redeem-form" noValidate><RedeemFields /></form>
          <p className="paywall__links"><a href="/account">我的账户</a></p>
        </div>
      </aside>
    </>
  );
}
