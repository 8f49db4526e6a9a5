// Times of assignments in the cohort's time zone: the instructor types a local date and time (an
// <input type="datetime-local"> value, "2026-12-07T23:59"), the database keeps the instant, and pages show it
// back in that zone. Pure (Intl only).
import { utcOffsetMs } from "@/lib/scheduling/core/core";

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * "2026-12-07T23:59" in `timeZone` → the instant; undefined when it is not a real date and time. A local time
 * that a daylight-saving change skips is read with the offset before the change (02:30 → 03:30 in spring).
 */
export function localToInstant(local: string, timeZone: string): Date | undefined {
  const m = LOCAL.exec(local);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (hour > 23 || minute > 59) return undefined;
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(naive);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  // The offset at the guess, then at the corrected instant: two rounds settle everywhere but in a DST gap.
  const first = naive - utcOffsetMs(new Date(naive), timeZone);
  const second = naive - utcOffsetMs(new Date(first), timeZone);
  return new Date(Math.max(first, second));
}

/** The instant as the value of a datetime-local input in `timeZone` ("2026-12-07T23:59"). */
export function instantToLocal(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + utcOffsetMs(instant, timeZone)).toISOString().slice(0, 16);
}

/** The default due time the form proposes: the end of the local day a week from now. */
export function defaultDueLocal(now: Date, timeZone: string): string {
  return `${instantToLocal(new Date(now.getTime() + 7 * 24 * 3600_000), timeZone).slice(0, 10)}T23:59`;
}
