// The content stamp of the database file, as cheaply as it can be known. The response cache
// stamps every page with the value it was rendered at and serves it only while the value holds.
//
// Why this is enough, whoever writes:
//  - every transaction that changes published content changes the stamp (triggers, migration
//    0003), so the app, the CLI, another instance and `sqlite3 .restore` are all seen;
//  - `pragma data_version` on a connection of our own changes with any other connection's
//    commit; the stamp is only read when it did, and both are looked at no more than every
//    CHECK_MS (a few microseconds each);
//  - a file replaced under its path (a backup copied over it) is seen by its identity
//    (device and inode) within IDENTITY_MS: the watcher and the app's own handle reopen on it;
//  - the stamp is random, so a restored backup's value names that backup's content exactly.
// Anything that goes wrong reads as "unknown" (null): nothing is served from or kept in memory.
import { checkDbFileSoon, fileIdentity } from "../db/client";
import { openContentVersionReader, type ContentVersionReader } from "../db/content-version";

export type ContentWatchOptions = { checkMs?: number; identityMs?: number; now?: () => number };

export class ContentWatch {
  private reader: ContentVersionReader | null = null;
  private identity: string | null = null;
  private dataVersion = -1;
  private value: string | null = null;
  private checkedAt = -Infinity;
  private identityAt = -Infinity;
  private warned = false;
  private readonly checkMs: number;
  private readonly identityMs: number;
  private readonly now: () => number;

  constructor(private readonly path: string, opts: ContentWatchOptions = {}) {
    this.checkMs = opts.checkMs ?? 5;
    this.identityMs = opts.identityMs ?? 500;
    this.now = opts.now ?? Date.now;
  }

  /** The content stamp now, or null when it cannot be known. */
  stamp(): string | null {
    const now = this.now();
    if (now - this.checkedAt < this.checkMs) return this.value;
    this.checkedAt = now;
    try {
      if (now - this.identityAt >= this.identityMs) {
        this.identityAt = now;
        const identity = fileIdentity(this.path);
        if (identity !== this.identity) {
          this.close();
          this.identity = identity;
          // The app's handle must not go on reading the file that was replaced.
          checkDbFileSoon();
        }
      }
      this.reader ??= openContentVersionReader(this.path);
      const dv = this.reader.dataVersion();
      if (dv !== this.dataVersion || this.value === null) {
        this.value = this.reader.stamp();
        this.dataVersion = dv;
      }
      this.warned = false;
    } catch (e) {
      if (!this.warned) console.warn("content-watch: cannot read the content version:", (e as Error).message);
      this.warned = true;
      this.close();
      this.value = null;
    }
    return this.value;
  }

  /** The next stamp() looks again, whatever the interval: after this process wrote. */
  checkSoon(): void {
    this.checkedAt = -Infinity;
  }

  close(): void {
    try {
      this.reader?.close();
    } catch {
      // Already closed or the file is gone; nothing to release.
    }
    this.reader = null;
    this.dataVersion = -1;
    this.value = null;
  }
}
