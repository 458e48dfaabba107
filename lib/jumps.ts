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

export type JumpLink = { from: OpenJump; to: OpenContinuation; by: "headline" | "order" };

/** Character-bigram Dice coefficient of two headlines, ignoring punctuation and spaces. */
export function headlineSimilarity(a: string, b: string): number {
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
 * on L that says it comes from P, both in reading order.
 */
export function resolveJumps(jumps: OpenJump[], continuations: OpenContinuation[]): JumpLink[] {
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
    for (const { j, c } of scored) {
      if (usedJ.has(j) || usedC.has(c)) continue;
      usedJ.add(j);
      usedC.add(c);
      links.push({ from: j, to: c, by: "headline" });
    }
    const restJ = js.filter((j) => !usedJ.has(j));
    // A continuation whose headline clearly names another story is not taken by order.
    const restC = conts.filter((c) => !usedC.has(c));
    for (let i = 0; i < Math.min(restJ.length, restC.length); i++) {
      links.push({ from: restJ[i], to: restC[i], by: "order" });
    }
  }
  return links;
}

export type StitchedPart = { pieceId: number; pageLabel: string; headline: string | null; paragraphs: string[] };

/** The trail shown above a stitched article: 第1版 → 第3版, one stop per page it crosses. */
export function articleTrail(parts: { pieceId: number; pageLabel: string }[]) {
  const trail: { pageLabel: string; pieceId: number }[] = [];
  for (const p of parts) if (trail.at(-1)?.pageLabel !== p.pageLabel) trail.push({ pageLabel: p.pageLabel, pieceId: p.pieceId });
  return trail;
}
