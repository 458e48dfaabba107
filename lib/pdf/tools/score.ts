// Scores the reader on case directories (default: every corpus case under lib/pdf/fixtures).
//   npx tsx lib/pdf/tools/score.ts [DIR …]
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { emptyScore, scoreDir } from "../score";

const root = join(import.meta.dirname, "..", "fixtures");
const dirs = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(root).filter((d) => /-\d+$/.test(d)).map((d) => join(root, d));
const s = emptyScore();
const times: number[] = [];
for (const d of dirs) await scoreDir(d, s, times);
for (const f of s.fails.slice(0, Number(process.env.MISSES ?? 60))) console.log("miss: " + f);
const pct = (a: number, b: number) => ((100 * a) / Math.max(b, 1)).toFixed(1);
times.sort((a, b) => a - b);
console.log(`pages ${times.length}, read time median ${times[times.length >> 1]?.toFixed(0)} ms, max ${times[times.length - 1]?.toFixed(0)} ms`);
console.log(`pdf score: ${s.passed}/${s.checks} checks (${pct(s.passed, s.checks)}%), zones: ${s.zonePassed}/${s.zoneChecks} at IoU>=0.8 (${pct(s.zonePassed, s.zoneChecks)}%), mean IoU ${(s.iouSum / Math.max(s.zoneChecks, 1)).toFixed(3)}`);
