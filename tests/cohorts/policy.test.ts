// The score that counts (lib/cohorts/policy): late policies, extensions, the opening, attempt limits, topics.
import { describe, expect, it } from "vitest";
import { aggregate, applyLatePolicy, daysLate, effectiveDue, itemResult, reviewAttempt, topicResult, type Attempt, type ItemTerms } from "@/lib/cohorts/policy/core";
import { latePolicyColumns, latePolicyOf, latePolicySchema } from "@/lib/cohorts/policy/schema";

const due = new Date("2026-12-07T22:59:59.999Z"); // 23:59:59.999 in Europe/Berlin
const hours = (n: number) => new Date(due.getTime() + n * 3600_000);
let nextId = 0;
const attempt = (at: Date, score: number, passed = score >= 1): Attempt => ({ id: `s${++nextId}`, submittedAt: at, score, passed });
const terms = (over: Partial<ItemTerms> = {}): ItemTerms => ({ opensAt: null, dueAt: due, policy: { kind: "none" }, attemptLimit: null, ...over });
const perDay = { kind: "per-day", penaltyPerDay: 0.1, floor: 0.5 } as const;

describe("days late", () => {
  it("counts started 24-hour periods after the due time", () => {
    expect(daysLate(hours(-1), due)).toBe(0);
    expect(daysLate(due, due)).toBe(0);
    expect(daysLate(new Date(due.getTime() + 60_000), due)).toBe(1);
    expect(daysLate(hours(24), due)).toBe(1);
    expect(daysLate(hours(24.01), due)).toBe(2);
    expect(daysLate(hours(1000), null)).toBe(0);
  });
});

describe("late policies", () => {
  it("none: late work counts in full, marked late", () => {
    expect(applyLatePolicy(0.8, 3, { kind: "none" })).toEqual({ score: 0.8, late: { daysLate: 3, penalty: 0 } });
  });
  it("per-day: deducts a fraction of full marks per day, down to the floor, never raising a low score", () => {
    expect(applyLatePolicy(0.9, 2, perDay)).toEqual({ score: 0.7, late: { daysLate: 2, penalty: 0.2 } });
    expect(applyLatePolicy(1, 3, perDay)).toEqual({ score: 0.7, late: { daysLate: 3, penalty: 0.3 } });
    expect(applyLatePolicy(0.9, 9, perDay)).toEqual({ score: 0.5, late: { daysLate: 9, penalty: 0.4 } });
    expect(applyLatePolicy(0.3, 4, perDay)).toEqual({ score: 0.3, late: { daysLate: 4, penalty: 0 } });
  });
  it("hard: nothing after the due time counts; on time is untouched", () => {
    expect(applyLatePolicy(1, 1, { kind: "hard" })).toBeNull();
    expect(applyLatePolicy(1, 0, { kind: "hard" })).toEqual({ score: 1, late: null });
  });
});

describe("the score that counts for one exercise", () => {
  it("is the best attempt after the policy, not the best raw score", () => {
    const onTime = attempt(hours(-5), 0.75, false);
    const late = attempt(hours(30), 1); // 2 days late: 1 → 0.8
    const result = itemResult([late, onTime], terms({ policy: perDay }), hours(40));
    expect(result.score).toBe(0.8);
    expect(result.counted).toMatchObject({ id: late.id, rawScore: 1, score: 0.8, late: { daysLate: 2, penalty: 0.2 } });
    expect(result.status).toBe("late");

    const later = itemResult([late, onTime, attempt(hours(100), 1)], terms({ policy: perDay }), hours(120));
    expect(later.counted?.id).toBe(late.id);
  });

  it("prefers the earlier attempt on a tie, so an on-time pass stays unmarked", () => {
    const first = attempt(hours(-2), 1);
    const result = itemResult([attempt(hours(5), 1), first], terms(), hours(6));
    expect(result).toMatchObject({ score: 1, status: "done", counted: { id: first.id, late: null } });
  });

  it("hard deadline: a late pass gives nothing and the item is overdue", () => {
    const result = itemResult([attempt(hours(-1), 0.4, false), attempt(hours(1), 1)], terms({ policy: { kind: "hard" } }), hours(2));
    expect(result).toMatchObject({ score: 0.4, status: "overdue", ignored: { afterHardDeadline: 1 } });
  });

  it("an extension moves the due time for that learner only", () => {
    const pass = attempt(hours(30), 1);
    expect(itemResult([pass], terms({ policy: { kind: "hard" } }), hours(31)).score).toBe(0);
    const extended = terms({ policy: { kind: "hard" }, dueAt: effectiveDue(due, hours(48)) });
    expect(itemResult([pass], extended, hours(31))).toMatchObject({ score: 1, status: "done" });
    expect(effectiveDue(due, null)).toBe(due);
  });

  it("ignores attempts before the opening, and counts only the first n after it", () => {
    const opensAt = hours(-48);
    const early = attempt(hours(-72), 1);
    const tries = [attempt(hours(-40), 0.2, false), attempt(hours(-30), 0.5, false), attempt(hours(-20), 1)];
    const result = itemResult([early, ...tries], terms({ opensAt, attemptLimit: 2 }), hours(-10));
    expect(result).toMatchObject({ score: 0.5, status: "open", attemptsUsed: 3, attemptsLeft: 0, ignored: { beforeOpen: 1, overLimit: 1 } });
    expect(itemResult([], terms({ opensAt, attemptLimit: 2 }), hours(-60))).toMatchObject({ status: "upcoming", attemptsLeft: 2, counted: null });
  });

  it("no attempts: open before the due time, overdue after it; no due time is never overdue", () => {
    expect(itemResult([], terms(), hours(-1)).status).toBe("open");
    expect(itemResult([], terms(), hours(1))).toMatchObject({ status: "overdue", score: 0 });
    expect(itemResult([], terms({ dueAt: null }), hours(1000)).status).toBe("open");
  });
});

describe("assignments and topics", () => {
  it("an assignment's score is its items' mean; its status the most pressing item's", () => {
    const done = itemResult([attempt(hours(-1), 1)], terms(), hours(1));
    const late = itemResult([attempt(hours(1), 1)], terms({ policy: perDay }), hours(2));
    const missing = itemResult([], terms(), hours(2));
    expect(aggregate([done, late])).toEqual({ score: 0.95, status: "late", daysLate: 1, penalized: 1 });
    expect(aggregate([done, late, missing])).toMatchObject({ score: 0.633333, status: "overdue" });
    expect(aggregate([done])).toMatchObject({ score: 1, status: "done", daysLate: 0 });
  });

  it("a topic counts the fraction of its flashcards recalled by the due time", () => {
    const recalled = [reviewAttempt({ id: "r1", review: hours(-3), rating: 3 })];
    const forgotten = [reviewAttempt({ id: "r2", review: hours(-3), rating: 1 })];
    const result = topicResult([recalled, forgotten, []], { opensAt: null, dueAt: due, policy: { kind: "none" } }, hours(1));
    expect(result.score).toBeCloseTo(1 / 3, 5);
    expect(result.status).toBe("overdue");
    const all = topicResult([recalled], { opensAt: null, dueAt: due, policy: { kind: "none" } }, hours(1));
    expect(all).toMatchObject({ score: 1, status: "done", counted: { late: null } });
  });
});

describe("policy schema", () => {
  it("round-trips through the row's columns and reads a broken row as none", () => {
    const policy = latePolicySchema.parse(perDay);
    expect(latePolicyOf(latePolicyColumns(policy))).toEqual(policy);
    expect(latePolicyOf(latePolicyColumns({ kind: "hard" }))).toEqual({ kind: "hard" });
    expect(latePolicyOf({ latePolicy: "per-day", latePenaltyPerDay: null, lateFloor: null })).toEqual({ kind: "none" });
    expect(latePolicyOf({ latePolicy: "weekly", latePenaltyPerDay: 1, lateFloor: 0 })).toEqual({ kind: "none" });
  });
  it("refuses a penalty outside (0, 1] and a floor outside [0, 1] with a message key", () => {
    const bad = latePolicySchema.safeParse({ kind: "per-day", penaltyPerDay: 0, floor: 2 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["penaltyPerDay", "cohorts.errors.penaltyInvalid"],
      ["floor", "cohorts.errors.floorInvalid"],
    ]);
    expect(latePolicySchema.safeParse({ kind: "weekly" }).error?.issues[0]?.message).toBe("cohorts.errors.latePolicyInvalid");
  });
});
