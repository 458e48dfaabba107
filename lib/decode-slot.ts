// Decoding an image costs about 4 bytes a pixel for as long as it runs, whatever the file's size.
// Decodes share a budget of pixels in flight (uploads and width variants alike): small ones run
// side by side, a large one waits until it fits, so memory stays bounded whatever arrives at once.
// One decode larger than the whole budget still runs, alone.
import sharp from "sharp";

// libvips's operation cache would keep decoded pixels around after the response.
sharp.cache(false);

/** About 320 MB of decoded pixels at once: one 60-megapixel scan, or many page-sized ones. */
export const DECODE_BUDGET_PIXELS = 80_000_000;

let inFlight = 0;
let running = 0;
const waiting: { pixels: number; go: () => void }[] = [];

function admit() {
  while (waiting.length && (running === 0 || inFlight + waiting[0].pixels <= DECODE_BUDGET_PIXELS)) {
    const next = waiting.shift()!;
    inFlight += next.pixels;
    running++;
    next.go();
  }
}

/** Runs `work` once `pixels` fit in the budget, in arrival order. */
export async function withDecodeSlot<T>(pixels: number, work: () => Promise<T>): Promise<T> {
  const cost = Math.max(1, Math.round(pixels));
  await new Promise<void>((go) => { waiting.push({ pixels: cost, go }); admit(); });
  try {
    return await work();
  } finally {
    inFlight -= cost;
    running--;
    admit();
  }
}

/** Pixels being decoded now (for tests). */
export const pixelsInFlight = () => inFlight;
