// Test support for codes.test.ts: one process of a redemption race. Opens its own connection to
// the database file, waits for the common start time, then redeems one code for each reader id
// it was given, as fast as it can. Prints how many succeeded.
import { openDb } from "../client";
import { redeemCode } from "./codes";

const [path, code, startAt, ...ids] = process.argv.slice(2);
const db = openDb(path);
while (Date.now() < Number(startAt)) { /* spin to the start line */ }
let ok = 0;
const reasons: Record<string, number> = {};
for (const id of ids) {
  const r = redeemCode({ code, readerId: Number(id) }, db);
  if (r.ok) ok++;
  else reasons[r.reason] = (reasons[r.reason] ?? 0) + 1;
}
process.stdout.write(JSON.stringify({ ok, reasons }) + "\n");
