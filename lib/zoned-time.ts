// Wall-clock time in a named time zone → an instant. A datetime-local field carries no zone, and
// the browser's offset today is not its offset on the scheduled day (daylight saving), so the
// offset is looked up for the scheduled moment itself.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Offset of `zone` from UTC at instant `utcMs`, in minutes east of Greenwich. */
function offsetAt(zone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/**
 * The instant at which clocks in `zone` show `local` ("2027-03-28T09:00"), or null for a malformed
 * value or zone. A time skipped by a spring-forward change resolves to the later offset.
 */
export function zonedLocalToUtc(local: string, zone: string): Date | null {
  const m = LOCAL.exec(local);
  if (!m || !isTimeZone(zone)) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 16) !== local) return null;
  // Two passes: the offset at the first guess may differ from the offset at the answer.
  let guess = wall - offsetAt(zone, wall) * 60_000;
  guess = wall - offsetAt(zone, guess) * 60_000;
  return new Date(guess);
}
