// Jump resolution: which continuation (上接…) carries on which story (下转…).
//
// A story printed across pages is parsed as separate pieces: the opening on page 1 ending in
// (下转三版), and on page 3 a piece opening with (上接一版), often under a short jump headline.
// Linking them makes one article whose pieces, in order, are the whole story. This module
// decides the links; db/queries/imports.ts applies them. Pure: no database, no I/O.

/** An article's last piece when it ends in a jump (下转…) that is not yet followed. */
export type OpenJump = {
  articleId: number;
  pageLabel: string; // page the jump is printed on
  pagePosition: number;
  piecePosition: number;
  jumpTo: string;
  title: string | null;
};

/** A continuation (上接…) that opens an article of its own, i.e. not yet linked. */
export type OpenContinuation = {
  articleId: number;
  pieceId: number;
  pageLabel: string;
  piecePosition: number;
  jumpFrom: string;
  headline: string | null;
};

/**
 * `certain` is false for every link an editor should check before readers see it: any link by
 * reading order alone, and a headline match that another story's title or continuation rivals.
 */
export type JumpLink = { from: OpenJump; to: OpenContinuation; by: "headline" | "order"; certain: boolean };

/**
 * How alike two headlines are, 0..1. English jump heads often lead with the story's slug word
 * ("Sterling: Traders pare bets"): a slug the other headline contains counts as a match.
 */
export function headlineSimilarity(a: string, b: string): number {
  const slug = (s: string) => /^\s*([\p{L}\p{N}][\p{L}\p{N} '’-]{2,30}?)\s*[:：]/u.exec(s.normalize("NFKC"))?.[1];
  const sa = slug(a);
  const sb = slug(b);
  return Math.max(bigramDice(a, b), sa ? bigramDice(sa, b) : 0, sb ? bigramDice(a, sb) : 0);
}

/** Character-bigram Dice coefficient of two headlines, ignoring punctuation and spaces. */
function bigramDice(a: string, b: string): number {
  const clean = (s: string) => s.normalize("NFKC").replace(/[\s\p{P}\p{S}]/gu, "").toLowerCase();
  const ca = clean(a);
  const cb = clean(b);
  if (!ca || !cb) return 0;
  if (ca.includes(cb) || cb.includes(ca)) return 1;
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(ca);
  const gb = grams(cb);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(ca.length - 1, 0) + Math.max(cb.length - 1, 0);
  return total === 0 ? (ca === cb ? 1 : 0) : (2 * shared) / total;
}

const HEADLINE_MATCH = 0.3;

/**
 * Pairs open jumps with open continuations. For each (from page, to page) pair of labels:
 * first by jump headline (a continuation whose headline resembles a story's title), then by
 * order: the n-th remaining jump from page P to page L takes the n-th remaining continuation
 * on L that says it comes from P, both in reading order — but only where nothing contradicts
 * it: a continuation whose jump headline names another story of the issue (`storyTitles`:
 * every titled story), or has nothing in common with the story's title, is left open for the
 * editor. Stitching the wrong story is worse than leaving a jump unlinked.
 */
export function resolveJumps(jumps: OpenJump[], continuations: OpenContinuation[], storyTitles: string[] = []): JumpLink[] {
  const links: JumpLink[] = [];
  const key = (from: string, to: string) => `${from}\u0000${to}`;
  const groups = new Map<string, { jumps: OpenJump[]; conts: OpenContinuation[] }>();
  for (const j of jumps) {
    const g = groups.get(key(j.pageLabel, j.jumpTo)) ?? { jumps: [], conts: [] };
    g.jumps.push(j);
    groups.set(key(j.pageLabel, j.jumpTo), g);
  }
  for (const c of continuations) {
    const g = groups.get(key(c.jumpFrom, c.pageLabel));
    if (g) g.conts.push(c);
  }
  /** The best score this headline reaches against a story other than `own`. */
  const rivalScore = (headline: string, own: string | null) => {
    let best = 0;
    for (const t of storyTitles) if (t !== own) best = Math.max(best, headlineSimilarity(t, headline));
    return best;
  };
  for (const { jumps: js, conts } of groups.values()) {
    js.sort((a, b) => a.piecePosition - b.piecePosition);
    conts.sort((a, b) => a.piecePosition - b.piecePosition);
    const usedJ = new Set<OpenJump>();
    const usedC = new Set<OpenContinuation>();
    // Best headline pairs first, so one near-miss cannot steal another story's continuation.
    const scored: { j: OpenJump; c: OpenContinuation; s: number }[] = [];
    for (const j of js) for (const c of conts) {
      if (j.title && c.headline) {
        const s = headlineSimilarity(j.title, c.headline);
        if (s >= HEADLINE_MATCH) scored.push({ j, c, s });
      }
    }
    scored.sort((a, b) => b.s - a.s);
    for (const { j, c, s } of scored) {
      if (usedJ.has(j) || usedC.has(c)) continue;
      usedJ.add(j);
      usedC.add(c);
      // Certain only when no other candidate of either end, and no other story, comes close.
      const rivals = scored.filter((o) => o.s >= HEADLINE_MATCH && (o.j === j) !== (o.c === c));
      const certain = rivals.length === 0 && rivalScore(c.headline!, j.title) < s;
      links.push({ from: j, to: c, by: "headline", certain });
    }
    const restJ = js.filter((j) => !usedJ.has(j));
    const restC = conts.filter((c) => !usedC.has(c));
    for (let i = 0; i < Math.min(restJ.length, restC.length); i++) {
      const j = restJ[i];
      const c = restC[i];
      if (c.headline && contradicts(j.title, c.headline, rivalScore(c.headline, j.title))) continue;
      links.push({ from: j, to: c, by: "order", certain: false });
    }
  }
  return links;
}

/**
 * A continuation's headline contradicts linking it to a story when it resembles another story
 * of the issue more than this one, or shares not one character pair with the story's title.
 * A loose likeness ("临澜迈入地铁时代" under "临澜地铁1号线一期开通运营") does not contradict:
 * jump heads are often rephrased.
 */
function contradicts(title: string | null, headline: string, rival: number): boolean {
  const own = title ? headlineSimilarity(title, headline) : 0;
  if (rival >= HEADLINE_MATCH && rival > own) return true;
  return title != null && own === 0;
}

/** The trail shown above a stitched article: 第1版 → 第3版, one stop per page it crosses. */
export function articleTrail(parts: { pieceId: number; pageLabel: string }[]) {
  const trail: { pageLabel: string; pieceId: number }[] = [];
  for (const p of parts) if (trail.at(-1)?.pageLabel !== p.pageLabel) trail.push({ pageLabel: p.pageLabel, pieceId: p.pieceId });
  return trail;
}
