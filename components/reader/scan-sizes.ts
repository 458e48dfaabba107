// The scan's `sizes`, shared by the server-rendered image and the zoom that raises it.
export const SCAN_SIZES = "(max-width: 640px) 100vw, (max-width: 1100px) 70vw, 800px";
