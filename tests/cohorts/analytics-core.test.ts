// lib/cohorts/analytics/core.ts: the cohort analytics' definitions on hand-made rows (the loader and the page are
// tested against real databases in analytics.test.ts and in the browser in tests/e2e/instructor-flow.spec.ts).
import { describe, expect, it } from "vitest";
import {
  activityPerDay,
  failureStreaks,
  heatCellValue,
  misconceptionFrequency,
  strugglingLearners,
  topicHeatmap,
  type LearnerActivity,
} from "@/lib/cohorts/analytics/core";
import { analyticsOptionsSchema, focusedReviewSchema } from "@/lib/cohorts/analytics/schema";
import { CardState, parseSchedulerSettings, type SrsCardState, type TopicItem } from "@/lib/scheduling";

const NOW = new Date("2026-11-30T12:00:00Z");
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const settings = parseSchedulerSettings();

function card(userId: string, itemType: SrsCardState["itemType"], itemId: string, over: Partial<SrsCardState> = {}): SrsCardState {
  return { userId, itemType, itemId, due: ago(-5), stability: 30, difficulty: 5, elapsedDays: 1, scheduledDays: 5, learningSteps: 0, reps: 2, lapses: 0, state: CardState.Review, lastReview: ago(0), ...over };
}

const items: TopicItem[] = [
  { itemType: "flashcard", itemId: "a1", topics: ["alpha"] },
  { itemType: "flashcard", itemId: "a2", topics: ["alpha"] },
  { itemType: "exercise", itemId: "ex-alpha", topics: ["alpha"] },
  { itemType: "exercise", itemId: "ex-beta", topics: ["beta"] },
  { itemType: "exercise", itemId: "ex-beta-2", topics: ["beta"] },
];
const exercises = [
  { slug: "ex-alpha", topics: ["alpha"] },
  { slug: "ex-beta", topics: ["beta"] },
  { slug: "ex-beta-2", topics: ["beta"] },
];

describe("topicHeatmap", () => {
  it("a cell is the mean of FSRS mastery and the exercise grades; untouched topics are null", () => {
    const heat = topicHeatmap({
      topicOrder: ["alpha", "beta", "gamma"],
      items,
      exercises,
      now: NOW,
      learners: [
        // Two of alpha's three items just reviewed (recall ≈ 1): mastery ≈ 2/3; its one exercise scored 1.
        { userId: "u1", cards: [card("u1", "flashcard", "a1"), card("u1", "exercise", "ex-alpha")], settings, bestScores: new Map([["ex-alpha", 1]]) },
        // Beta: one of two exercises attempted at 0.5 and its card never reviewed (New): exercise score 0.25 only.
        { userId: "u2", cards: [card("u2", "exercise", "ex-beta", { state: CardState.New, lastReview: null, stability: 0 })], settings, bestScores: new Map([["ex-beta", 0.5]]) },
      ],
    });
    expect(heat.topics).toEqual(["alpha", "beta", "gamma"]);
    const [u1, u2] = heat.rows;
    const alpha = u1!.cells[0]!;
    expect(alpha.studiedItems).toBe(2);
    expect(alpha.totalItems).toBe(3);
    expect(alpha.mastery).toBeCloseTo(2 / 3, 2);
    expect(alpha.exerciseScore).toBe(1);
    expect(alpha.value).toBeCloseTo((2 / 3 + 1) / 2, 2);
    expect(u1!.cells[1]!.value).toBeNull();
    expect(u1!.cells[2]).toMatchObject({ value: null, totalItems: 0, exercisesTotal: 0 });
    expect(u2!.cells[1]).toMatchObject({ value: 0.25, exerciseScore: 0.25, exercisesAttempted: 1, exercisesTotal: 2, studiedItems: 0 });
    // Column means over the learners who started the topic.
    expect(heat.topicMeans[0]).toBeCloseTo(alpha.value!, 6);
    expect(heat.topicMeans[1]).toBe(0.25);
    expect(heat.topicMeans[2]).toBeNull();
  });

  it("heatCellValue takes whichever part exists", () => {
    expect(heatCellValue({ mastery: 0.4, studiedItems: 1, exerciseScore: null })).toBe(0.4);
    expect(heatCellValue({ mastery: 0, studiedItems: 0, exerciseScore: null })).toBeNull();
  });
});

describe("misconceptionFrequency", () => {
  const naming = (submissionId: string, userId: string, days: number, misconceptionId = "m1", exerciseSlug = "ex-beta") => ({ submissionId, userId, exerciseSlug, misconceptionId, at: ago(days) });

  it("counts namings and learners; holders were named recently and have not passed since", () => {
    const report = misconceptionFrequency(
      [
        naming("s1", "fixed", 5), // passed after: fixed
        naming("s2", "holds", 4),
        naming("s3", "holds", 2), // the latest naming is the holder's drill-down
        naming("s4", "old", 40), // named long ago, never passed: not "now"
        naming("s5", "passedBefore", 1), // passed before the naming: still holds it
        naming("s6", "holds", 3, "m2", "ex-alpha"),
      ],
      [
        { userId: "fixed", exerciseSlug: "ex-beta", at: ago(3) },
        { userId: "passedBefore", exerciseSlug: "ex-beta", at: ago(2) },
      ],
      exercises,
      NOW,
    );
    const m1 = report.byExercise.find((m) => m.misconceptionId === "m1")!;
    expect(m1).toMatchObject({ exerciseSlug: "ex-beta", topics: ["beta"], namings: 5, learners: 4 });
    expect(m1.holders.map((h) => [h.userId, h.submissionId])).toEqual([
      ["passedBefore", "s5"],
      ["holds", "s3"],
    ]);
    expect(report.byExercise[0]).toBe(m1);
    expect(report.byTopic.map((t) => [t.topicId, t.namings, t.learners, t.holders])).toEqual([
      ["beta", 5, 4, ["holds", "passedBefore"]],
      ["alpha", 1, 1, ["holds"]],
    ]);
    // A longer window makes the old naming current again.
    expect(misconceptionFrequency([naming("s4", "old", 40)], [], exercises, NOW, { recentDays: 60 }).byExercise[0]!.holders).toHaveLength(1);
  });
});

describe("strugglingLearners", () => {
  const base: LearnerActivity = { userId: "ok", joinedAt: ago(30), lastActiveAt: ago(1), submits: [], cards: [] };

  it("flags inactivity, failure streaks not passed since, and overdue reviews piling up", () => {
    const overdueCards = Array.from({ length: 10 }, () => ({ state: CardState.Review, due: ago(2) }));
    const flagged = strugglingLearners(
      [
        base,
        { ...base, userId: "idle", lastActiveAt: ago(9) },
        { ...base, userId: "never", lastActiveAt: null, joinedAt: ago(8) },
        { ...base, userId: "new", lastActiveAt: null, joinedAt: ago(2) },
        {
          ...base,
          userId: "failing",
          submits: [
            { exerciseSlug: "ex-beta", passed: false, at: ago(5) },
            { exerciseSlug: "ex-beta", passed: true, at: ago(4) },
            { exerciseSlug: "ex-beta", passed: false, at: ago(3) },
            { exerciseSlug: "ex-beta", passed: false, at: ago(2) },
            { exerciseSlug: "ex-beta", passed: false, at: ago(1) },
          ],
        },
        { ...base, userId: "overdue", cards: [...overdueCards, { state: CardState.New, due: ago(9) }] },
        { ...base, userId: "almost", cards: overdueCards.slice(1) },
      ],
      NOW,
    );
    expect(Object.fromEntries(flagged.map((f) => [f.userId, f.reasons]))).toEqual({
      idle: [{ kind: "inactive", days: 9, never: false }],
      never: [{ kind: "inactive", days: 8, never: true }],
      failing: [{ kind: "failing", exerciseSlug: "ex-beta", failures: 3 }],
      overdue: [{ kind: "overdue", cards: 10 }],
    });
    expect(strugglingLearners([{ ...base, userId: "idle", lastActiveAt: ago(9) }], NOW, { inactiveDays: 14 })).toEqual([]);
  });

  it("a pass ends a streak; streaks are per exercise", () => {
    const s = (exerciseSlug: string, passed: boolean, days: number) => ({ exerciseSlug, passed, at: ago(days) });
    expect(failureStreaks([s("a", false, 3), s("b", false, 2), s("a", false, 1)], 2)).toEqual([{ exerciseSlug: "a", failures: 2 }]);
    expect(failureStreaks([s("a", false, 3), s("a", false, 2), s("a", true, 1)], 2)).toEqual([]);
  });
});

describe("activityPerDay", () => {
  it("counts submissions (failed apart), session reviews and active learners per day of the cohort's time zone", () => {
    const days = activityPerDay(
      [
        { userId: "u1", at: new Date("2026-11-30T01:00:00Z"), failed: true },
        { userId: "u1", at: new Date("2026-11-29T15:00:00Z"), failed: false }, // 23:00 in Shanghai: the 29th
        { userId: "u2", at: new Date("2026-11-29T17:00:00Z"), failed: false }, // 01:00 on the 30th in Shanghai
      ],
      [{ userId: "u3", at: new Date("2026-11-30T02:00:00Z") }, { userId: "u3", at: ago(400) }],
      NOW,
      "Asia/Shanghai",
      { activityDays: 7 },
    );
    expect(days).toHaveLength(7);
    expect(days.at(-1)).toEqual({ day: "2026-11-30", submissions: 2, failedSubmissions: 1, reviews: 1, activeLearners: 3 });
    expect(days.at(-2)).toEqual({ day: "2026-11-29", submissions: 1, failedSubmissions: 0, reviews: 0, activeLearners: 1 });
    expect(days.slice(0, 5).every((d) => d.submissions === 0 && d.reviews === 0)).toBe(true);
  });
});

describe("schemas", () => {
  it("options have defaults and bounds; a focused review needs a topic and learners", () => {
    expect(analyticsOptionsSchema.parse({})).toMatchObject({ recentDays: 30, inactiveDays: 7, failureStreak: 3, overdueCards: 10, activityDays: 30 });
    expect(analyticsOptionsSchema.safeParse({ inactiveDays: 0 }).success).toBe(false);
    expect(focusedReviewSchema.parse({ topicId: "beta", learnerIds: " u1, u2,u1,," })).toEqual({ topicId: "beta", learnerIds: ["u1", "u2"] });
    expect(focusedReviewSchema.safeParse({ topicId: "beta", learnerIds: " , " }).error?.issues[0]?.message).toBe("cohorts.analytics.errors.noLearners");
    expect(focusedReviewSchema.safeParse({ topicId: "", learnerIds: "u1" }).error?.issues[0]?.message).toBe("cohorts.analytics.errors.topicUnknown");
  });
});
