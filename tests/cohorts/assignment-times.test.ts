// Times typed in the cohort's time zone (lib/cohorts/assignments/core.ts) and the assignment form's rules
// (lib/cohorts/assignments/schema.ts) that need no database.
import { describe, expect, it } from "vitest";
import { defaultDueLocal, instantToLocal, localToInstant } from "@/lib/cohorts/assignments/core";
import { assignmentFormSchema } from "@/lib/cohorts/assignments/schema";

describe("local times in the cohort's zone", () => {
  it("reads a datetime-local value in the zone, and writes it back", () => {
    expect(localToInstant("2026-12-07T23:59", "UTC")?.toISOString()).toBe("2026-12-07T23:59:00.000Z");
    expect(localToInstant("2026-12-07T23:59", "Asia/Shanghai")?.toISOString()).toBe("2026-12-07T15:59:00.000Z");
    expect(localToInstant("2026-07-07T23:59", "Europe/Berlin")?.toISOString()).toBe("2026-07-07T21:59:00.000Z");
    expect(localToInstant("2026-12-07T23:59", "America/New_York")?.toISOString()).toBe("2026-12-08T04:59:00.000Z");
    const instant = localToInstant("2026-03-29T12:30", "Europe/Berlin")!;
    expect(instantToLocal(instant, "Europe/Berlin")).toBe("2026-03-29T12:30");
  });

  it("a time a daylight-saving change skips moves forward; a repeated one takes the later", () => {
    // Berlin skips 02:00–03:00 on 2026-03-29: 02:30 does not exist and is read as 03:30 CEST.
    expect(localToInstant("2026-03-29T02:30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    // Berlin repeats 02:00–03:00 on 2026-10-25: the later 02:30 (CET) is 01:30 UTC.
    expect(localToInstant("2026-10-25T02:30", "Europe/Berlin")?.toISOString()).toBe("2026-10-25T01:30:00.000Z");
  });

  it("refuses what is not a real date and time", () => {
    for (const bad of ["2026-02-30T12:00", "2026-12-07", "2026-12-07T24:00", "2026-12-07T12:60", "tomorrow", ""]) {
      expect(localToInstant(bad, "UTC"), bad).toBeUndefined();
    }
  });

  it("proposes the end of the local day a week on", () => {
    expect(defaultDueLocal(new Date("2026-11-27T20:00:00Z"), "Asia/Shanghai")).toBe("2026-12-05T23:59");
    expect(defaultDueLocal(new Date("2026-11-27T20:00:00Z"), "UTC")).toBe("2026-12-04T23:59");
  });
});

describe("the assignment form", () => {
  const context = { exerciseSlugs: ["a", "b"], topicIds: ["t"], timeZone: "UTC", now: new Date("2026-11-27T00:00:00Z") };
  const parse = (raw: Record<string, string>) => assignmentFormSchema(context).safeParse(raw);

  it("turns the posted text into items, instants, a policy and a limit", () => {
    const parsed = parse({ title: " W1 ", exercises: "a, b,a", topics: "t", opensAt: "2026-12-01T09:00", dueAt: "2026-12-07T23:59", latePolicy: "per-day", penaltyPercent: "12.5", floorPercent: "40", attemptLimit: "3" });
    expect(parsed.data).toEqual({
      title: "W1",
      items: [{ kind: "exercise", ref: "a" }, { kind: "exercise", ref: "b" }, { kind: "topic", ref: "t" }],
      opensAt: new Date("2026-12-01T09:00:00Z"),
      dueAt: new Date("2026-12-07T23:59:00Z"),
      policy: { kind: "per-day", penaltyPerDay: 0.125, floor: 0.4 },
      attemptLimit: 3,
    });
  });

  it("says which field is wrong", () => {
    const issues = (raw: Record<string, string>) => parse(raw).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ exercises: "a", title: "x".repeat(121) })).toEqual([["title", "cohorts.errors.titleTooLong"]]);
    expect(issues({ exercises: "a", penaltyPercent: "abc", latePolicy: "per-day", dueAt: "2026-12-07T23:59" })).toEqual([["penaltyPercent", "cohorts.errors.penaltyInvalid"]]);
    expect(issues({ exercises: "a", latePolicy: "per-day", dueAt: "2026-12-07T23:59" })).toEqual([["penaltyPercent", "cohorts.errors.penaltyInvalid"]]);
    expect(issues({ exercises: "a", opensAt: "soon" })).toEqual([["opensAt", "cohorts.errors.opensInvalid"]]);
    expect(issues({ exercises: Array.from({ length: 51 }, () => "a").join(",") })).toBeUndefined();
  });
});
