// A writer to be killed: imports issues and publishes them as fast as it can, printing one line
// per committed transaction ("ack import DATE", "ack publish DATE"). stdout to a pipe is written
// synchronously on Linux, so an "ack" line exists only after its commit returned.
import { openDb } from "../../db/client";
import { importIssue } from "../../db/queries/imports";
import { setIssueStatus } from "../../db/queries/issues";
import { faultIssue } from "./issue";

const [dbPath, startArg] = process.argv.slice(2);
const db = openDb(dbPath);
process.stdout.write("ready\n");
for (let i = Number(startArg); ; i++) {
  const input = faultIssue(i);
  importIssue(input, db);
  process.stdout.write(`ack import ${input.date}\n`);
  setIssueStatus({ paperSlug: input.paper.slug, date: input.date, status: "published" }, db);
  process.stdout.write(`ack publish ${input.date}\n`);
}
