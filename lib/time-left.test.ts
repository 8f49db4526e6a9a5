import { describe, expect, it } from "vitest";
import { formatDeadline, formatTimeLeft, timeLeft } from "./time-left";

const now = new Date("2026-11-30T12:00:00Z");
const after = (ms: number) => new Date(now.getTime() + ms);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe("timeLeft", () => {
  it("picks the largest unit that reads well, ahead and past", () => {
    expect(timeLeft(after(30 * 1000), now)).toEqual({ value: 1, unit: "minute", past: false });
    expect(timeLeft(after(-90 * MINUTE), now)).toEqual({ value: -1, unit: "hour", past: true });
    expect(timeLeft(after(10 * DAY), now)).toEqual({ value: 10, unit: "day", past: false });
    expect(timeLeft(after(20 * DAY), now)).toEqual({ value: 2, unit: "week", past: false });
    expect(timeLeft(after(59 * DAY), now)).toEqual({ value: 8, unit: "week", past: false });
    expect(timeLeft(after(75 * DAY), now)).toEqual({ value: 2, unit: "month", past: false });
    expect(timeLeft(after(-200 * DAY), now)).toEqual({ value: -6, unit: "month", past: true });
  });

  it("a deadline years away is counted in years, not in hundreds of weeks", () => {
    expect(timeLeft(after(1302 * DAY), now)).toEqual({ value: 3, unit: "year", past: false });
    expect(formatTimeLeft(after(1302 * DAY), now, "en")).toBe("in 3 years");
    expect(formatTimeLeft(after(1302 * DAY), now, "zh")).toBe("3年后");
    expect(formatTimeLeft(after(-400 * DAY), now, "en")).toBe("1 year ago");
  });
});

describe("formatDeadline", () => {
  it("adds the year to a date outside the current year, in the deadline's time zone", () => {
    expect(formatDeadline(new Date("2026-12-07T23:59:00Z"), "en", "UTC", now)).toBe("Mon 7 Dec, 23:59 UTC");
    expect(formatDeadline(new Date("2020-01-01T00:00:00Z"), "en", "UTC", now)).toBe("Wed, 1 Jan 2020, 00:00 UTC");
    expect(formatDeadline(new Date("2027-03-01T09:00:00Z"), "en", "UTC", now)).toMatch(/2027/);
    expect(formatDeadline(new Date("2027-03-01T09:00:00Z"), "zh", "UTC", now)).toMatch(/^2027年3月1日/);
    expect(formatDeadline(new Date("2026-12-07T23:59:00Z"), "zh", "UTC", now)).not.toMatch(/2026/);
    // 31 Dec 2026 20:00 UTC is already 2027 in Shanghai: the year is judged where the deadline is shown.
    const newYearsEve = new Date("2026-12-31T20:00:00Z");
    expect(formatDeadline(newYearsEve, "en", "UTC", now)).not.toMatch(/2026|2027/);
    expect(formatDeadline(newYearsEve, "en", "Asia/Shanghai", now)).toMatch(/2027/);
  });
});
