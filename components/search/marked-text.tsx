// Text with search terms marked, from segments computed on the server (lib/search/highlight.ts).
// Built as React elements, so whatever the text holds is escaped.
import type { Segment } from "@/lib/search/highlight";

export function MarkedText({ segments }: { segments: Segment[] }) {
  // biome-ignore lint/suspicious/noArrayIndexKey: segments are a fixed split of one text.
  return <>{segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}
