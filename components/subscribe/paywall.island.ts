// The paywall's behaviour (markup: paywall-panel.tsx). Anonymous visitors (no reader hint) make no
// request. A signed-in reader's full text replaces the opening, built with the DOM API (text
// only, never parsed as HTML); without access, the redeem form is offered, and a redeemed code
// asks again.
import { displayLabel } from "@/lib/labels";
import { redeemCode } from "./redeem";
import { hasReaderFlag, setReaderFlag } from "./reader-flag";

type Piece = { id: number; pageLabel: string; paragraphs: string[] };
type State = "anonymous" | "loading" | "no-access";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, ...children: (Node | string)[]) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

function showPieces(body: Element, pieces: Piece[], pieceHref: Record<string, string>) {
  body.replaceChildren(...pieces.filter((p, i) => i === 0 || p.paragraphs.length > 0).map((piece, i) => {
    const section = el("section", { class: "article__part", "data-piece-id": String(piece.id) });
    if (i > 0) {
      section.setAttribute("aria-label", `续${displayLabel(piece.pageLabel)}`);
      section.append(el("p", { class: "article__continues" },
        el("a", { href: pieceHref[piece.id] ?? "#" }, `——以下内容见${displayLabel(piece.pageLabel)}`)));
    }
    section.append(...piece.paragraphs.map((p) => el("p", {}, p)));
    return section;
  }));
  body.setAttribute("data-access", "full");
}

export function mountPaywall(aside: HTMLElement) {
  const articleId = Number(aside.dataset.articleId);
  const body = document.querySelector("[data-article-body]");
  const pieceHref = JSON.parse(aside.dataset.pieceHref || "{}") as Record<string, string>;
  const show = (state: State) => {
    for (const part of aside.querySelectorAll<HTMLElement>("[data-paywall]")) part.hidden = part.dataset.paywall !== state;
  };

  async function load() {
    show("loading");
    try {
      const res = await fetch(`/api/reader/articles/${articleId}`, { credentials: "same-origin", cache: "no-store" });
      const answer = await res.json().catch(() => ({}));
      if (res.ok && body) {
        showPieces(body, answer.pieces, pieceHref);
        aside.remove();
        return;
      }
      if (res.status === 401) setReaderFlag(false);
      const meter = aside.querySelector<HTMLElement>("[data-paywall-meter]");
      if (meter) meter.hidden = answer.meterLeft !== 0;
      show(res.status === 401 ? "anonymous" : "no-access");
    } catch {
      show("anonymous");
    }
  }

  const form = aside.querySelector<HTMLFormElement>("form.redeem-form");
  form?.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
    const status = form.querySelector<HTMLElement>("[role=status]");
    if (button) { button.disabled = true; button.textContent = "正在兑换…"; }
    if (status) status.textContent = "";
    const result = await redeemCode(String(new FormData(form).get("code") ?? ""));
    if (button) { button.disabled = false; button.textContent = "兑换"; }
    if (status) {
      status.textContent = result.text;
      status.className = result.ok ? "form-note" : "form-error";
    }
    if (result.ok) void load();
  });

  if (hasReaderFlag() && Number.isInteger(articleId)) void load();
}
