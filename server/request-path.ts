// Next answers a path with a malformed percent-escape (/linlan/%ZZ) with a 500; it is the
// client's error, so the server (scripts/serve.ts) answers 400 before Next sees it.
export function isWellFormedPath(url: string | undefined): boolean {
  try {
    decodeURIComponent((url ?? "/").split("?")[0]);
    return true;
  } catch {
    return false;
  }
}
