// The CLI's subscriber commands (docs/contracts.md): `access` sets who may read a paper's full text,
// `codes` makes a batch of activation codes and prints one per line.
import { parseArgs } from "node:util";
import { getAccessPolicy, setAccessPolicy } from "../db/queries/access";
import { createCodeBatch, MAX_BATCH, MAX_CODE_DAYS } from "../db/queries/codes";
import { getPaperBySlug } from "../db/queries/papers";
import { ACCESS_POLICY_NAMES, describePolicy, type AccessPolicyName } from "../lib/access";
import { isIssueDate } from "../lib/dates";
import { AppError } from "../lib/errors";
import { normalizeLabel } from "../lib/labels";

export class ReaderCommandError extends AppError {
  constructor(message: string) { super("invalid", message); }
}

export const READER_USAGE = `access --paper SLUG --policy open|archive|subscribers [--free-days N] [--free-pages 1,A1] [--meter N]
  codes --paper SLUG --count N --days D [--plan LABEL] [--redeem-by YYYY-MM-DD]   one code per line`;

function paperOf(slug: string | undefined) {
  if (!slug) throw new ReaderCommandError("--paper SLUG is required");
  const paper = getPaperBySlug(slug);
  if (!paper) throw new ReaderCommandError(`no paper ${JSON.stringify(slug)}`);
  return paper;
}

function wholeNumber(raw: string | undefined, name: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new ReaderCommandError(`--${name} must be a whole number ${min}–${max}`);
  return Number(raw);
}

export function accessCommand(args: string[]) {
  const { values } = parseArgs({ args, options: {
    paper: { type: "string" }, policy: { type: "string" }, "free-days": { type: "string" },
    "free-pages": { type: "string" }, meter: { type: "string" },
  } });
  const paper = paperOf(values.paper);
  if (!ACCESS_POLICY_NAMES.includes(values.policy as AccessPolicyName)) throw new ReaderCommandError("--policy must be open, archive or subscribers");
  const policy = values.policy as AccessPolicyName;
  const freeDays = wholeNumber(values["free-days"], "free-days", 0, 36_500);
  if (freeDays !== undefined && policy !== "archive") throw new ReaderCommandError("--free-days goes with --policy archive");
  const freePages = (values["free-pages"] ?? "").split(",").filter((s) => s.trim()).map((raw) => {
    const label = normalizeLabel(raw.trim());
    if (!label) throw new ReaderCommandError(`bad page label ${JSON.stringify(raw)} in --free-pages`);
    return label;
  });
  if (freePages.length && policy !== "subscribers") throw new ReaderCommandError("--free-pages goes with --policy subscribers");
  const meter = wholeNumber(values.meter, "meter", 0, 1000) ?? 0;
  const next = { policy, freeDays: policy === "archive" ? (freeDays ?? 7) : 0, freePages: [...new Set(freePages)], meter: policy === "open" ? 0 : meter };
  setAccessPolicy(paper.id, next, null);
  const saved = getAccessPolicy(paper.id);
  return { paper: paper.slug, ...saved, summary: describePolicy(saved) };
}

export function codesCommand(args: string[]): string[] {
  const { values } = parseArgs({ args, options: {
    paper: { type: "string" }, count: { type: "string" }, days: { type: "string" }, plan: { type: "string" }, "redeem-by": { type: "string" },
  } });
  const paper = paperOf(values.paper);
  const count = wholeNumber(values.count, "count", 1, MAX_BATCH);
  const days = wholeNumber(values.days, "days", 1, MAX_CODE_DAYS);
  if (count === undefined) throw new ReaderCommandError("--count N is required");
  if (days === undefined) throw new ReaderCommandError("--days D is required");
  const plan = (values.plan ?? "印刷版订户").trim();
  if (!plan || plan.length > 60) throw new ReaderCommandError("--plan must be 1–60 characters");
  let redeemBy: string;
  if (values["redeem-by"] !== undefined) {
    if (!isIssueDate(values["redeem-by"])) throw new ReaderCommandError("--redeem-by must be a date YYYY-MM-DD");
    // The end of that day in China Standard Time.
    redeemBy = new Date(Date.parse(`${values["redeem-by"]}T23:59:59.999+08:00`)).toISOString();
    if (redeemBy <= new Date().toISOString()) throw new ReaderCommandError("--redeem-by is already past");
  } else {
    redeemBy = new Date(Date.now() + 365 * 86_400_000).toISOString();
  }
  return createCodeBatch({ paperId: paper.id, plan, days, count, redeemBy }, null).codes;
}
