/**
 * "Due in 3 days", "was due 2 hours ago": the time between now and a deadline in the largest whole unit that
 * fits, formatted by Intl.RelativeTimeFormat in the page's language. Pure: the server passes `now` to client
 * components so the server's and the browser's render agree.
 */
import type { Lang } from "./i18n/core";

export type TimeLeftUnit = "minute" | "hour" | "day" | "week" | "month" | "year";

export interface TimeLeft {
  /** Whole units to the deadline: positive ahead, negative past it (rounded towards zero, at least 1 minute). */
  value: number;
  unit: TimeLeftUnit;
  past: boolean;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Each unit, its length, and the span from which it is used: "in 10 days" says more than "in 1 week", and
 * "in 7 weeks" more than "in 1 month"; a deadline years away reads "in 3 years", not "in 186 weeks". */
const UNITS: { unit: TimeLeftUnit; size: number; from: number }[] = [
  { unit: "year", size: 365.25 * DAY, from: 365 * DAY },
  { unit: "month", size: (365.25 / 12) * DAY, from: 60 * DAY },
  { unit: "week", size: 7 * DAY, from: 14 * DAY },
  { unit: "day", size: DAY, from: DAY },
  { unit: "hour", size: 60 * MINUTE, from: 60 * MINUTE },
  { unit: "minute", size: MINUTE, from: 0 },
];

export function timeLeft(dueAt: Date, now: Date): TimeLeft {
  const ms = dueAt.getTime() - now.getTime();
  const past = ms < 0;
  const abs = Math.abs(ms);
  const { unit, size } = UNITS.find((u) => abs >= u.from)!;
  const whole = Math.max(1, Math.floor(abs / size));
  return { value: past ? -whole : whole, unit, past };
}

/** "in 3 days" / "3天后", "2 hours ago" / "2小时前". */
export function formatTimeLeft(dueAt: Date, now: Date, lang: Lang): string {
  const left = timeLeft(dueAt, now);
  return new Intl.RelativeTimeFormat(lang === "zh" ? "zh-CN" : "en", { numeric: "always" }).format(left.value, left.unit);
}

function yearIn(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en", { year: "numeric", timeZone }).format(date);
}

/**
 * The deadline itself, e.g. "Mon 7 Dec, 23:59 UTC" / "12月7日周一 23:59 UTC", in the given time zone (UTC by
 * default), with its year when that is not `now`'s year there ("Wed, 1 Jan 2020, 00:00 UTC"). A client
 * component passes the server's render time as `now`, so the server's and the browser's text agree.
 */
export function formatDeadline(dueAt: Date, lang: Lang, timeZone = "UTC", now: Date = new Date()): string {
  const withYear = yearIn(dueAt, timeZone) !== yearIn(now, timeZone);
  return new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    ...(withYear ? { year: "numeric" } : {}),
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(dueAt);
}
