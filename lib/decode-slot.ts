// Decoding a large image costs hundreds of megabytes for seconds. One decode at a time (uploads
// and width variants alike) bounds the server's memory whatever arrives at once; the rest wait
// their turn in order.
import sharp from "sharp";

// libvips's operation cache would keep decoded pixels around after the response.
sharp.cache(false);

const MAX_AT_ONCE = 1;
let running = 0;
const waiting: (() => void)[] = [];

export async function withDecodeSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** How many decodes are running now (for tests). */
export const decodesRunning = () => running;
