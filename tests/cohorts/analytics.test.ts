// The cohort analytics loader and the focused review against real, migrated databases (SQLite and PostgreSQL),
// with grade reports from the real grader (a correct solution and a planted misconception, graded in the real
// sandbox), recorded through the app's own grading listeners (exercise reviews, misconception items) and review
// service, as the app stores them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraderPool, type GradeReport } from "@/grader";
import { loadCohortAnalytics, loadTopicHeatmap } from "@/lib/cohorts/analytics/load";
import { sendFocusedReview } from "@/lib/cohorts/analytics/focused-review";
import type { Db, User } from "@/lib/db";
import { onSubmissionGraded } from "@/lib/grading/hooks";
import { reviewItem } from "@/lib/review/service";
import { Rating } from "@/lib/scheduling";
import { createTestDb, type TestDb } from "@/tests/helpers/db";

const SLUG = "linear-regression-cost";
const MISCONCEPTION = "missing-one-half";
const TOPIC = "linear-regression";
const exerciseDir = path.join(process.cwd(), "exercises", "linear-regression", SLUG);
const NOW = new Date("2026-11-30T12:00:00Z");
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

let solution: GradeReport;
let misconception: GradeReport;

beforeAll(async () => {
  const pool = createGraderPool({ workers: 1 });
  try {
    [solution, misconception] = await Promise.all([
      pool.grade({ slug: SLUG, source: readFileSync(path.join(exerciseDir, "solution.ts"), "utf8"), lang: "en" }),
      pool.grade({ slug: SLUG, source: readFileSync(path.join(exerciseDir, "misconceptions", `${MISCONCEPTION}.ts`), "utf8"), lang: "en" }),
    ]);
  } finally {
    await pool.close();
  }
  expect(misconception.diagnosis.map((d) => d.misconceptionId)).toContain(MISCONCEPTION);
}, 120_000);

describe.each(["sqlite", "postgres"] as const)("on %s", (flavor) => {
  let t: TestDb;
  let db: Db;
  let cohortId: string;
  const learners: Record<string, User> = {};

  async function submit(user: User, report: GradeReport, at: Date): Promise<string> {
    const row = await db.submission.create({
      data: { userId: user.id, exerciseSlug: SLUG, kind: "submit", source: "// graded in the test", lang: "en", seed: report.seed, status: "graded", score: report.score, passed: report.status === "passed", report: JSON.stringify(report), createdAt: at, gradedAt: at },
    });
    await onSubmissionGraded(db, row);
    return row.id;
  }

  beforeAll(async () => {
    t = await createTestDb(flavor);
    db = t.db;
    const teacher = await db.user.create({ data: { email: "teach@test.local", role: "instructor", passwordHash: "x" } });
    cohortId = (await db.cohort.create({ data: { name: "Analytics", instructorId: teacher.id, joinCode: "ANALYT23", timeZone: "Asia/Shanghai" } })).id;
    for (const [name, joined] of [["holder", 20], ["fixer", 20], ["idle", 10], ["removed", 20]] as const) {
      learners[name] = await db.user.create({ data: { email: `${name}@test.local`, name, passwordHash: "x" } });
      await db.cohortMember.create({ data: { cohortId, userId: learners[name].id, joinedAt: ago(joined), ...(name === "removed" ? { removedAt: ago(1) } : {}) } });
    }
    // holder: the misconception twice (the latest is their drill-down), never fixed; a flashcard of the topic learnt.
    await submit(learners.holder!, misconception, ago(3));
    await submit(learners.holder!, misconception, ago(2));
    await reviewItem(db, { userId: learners.holder!.id, item: { itemType: "flashcard", itemId: "lr-model-f-wb" }, rating: Rating.Easy, now: ago(1), meta: { source: "review", durationMs: 4000 } });
    // fixer: the misconception, then the right solution.
    await submit(learners.fixer!, misconception, ago(3));
    await submit(learners.fixer!, solution, ago(1));
    // removed: named it too, but is no longer in the cohort.
    await submit(learners.removed!, misconception, ago(1));
  }, 120_000);

  afterAll(async () => {
    await t?.drop();
  });

  it("the heatmap has a row per current learner and a column per topic, from FSRS mastery and the grades", async () => {
    const { learners: rows, heatmap } = await loadTopicHeatmap(db, cohortId, NOW);
    expect(rows.map((l) => l.name)).toEqual(["holder", "fixer", "idle"]);
    const column = heatmap.topics.indexOf(TOPIC);
    expect(column).toBe(0);
    const cell = (i: number) => heatmap.rows[i]!.cells[column]!;
    expect(cell(1).exerciseScore).toBeGreaterThan(cell(0).exerciseScore!);
    expect(cell(0).studiedItems).toBeGreaterThanOrEqual(2); // the flashcard and the exercise
    expect(cell(2).value).toBeNull();
    expect(heatmap.topicMeans[column]).not.toBeNull();
  });

  it("the misconception's current holder is the learner who has not fixed it; struggling and activity are counted", async () => {
    const analytics = (await loadCohortAnalytics(db, cohortId, NOW))!;
    const stat = analytics.misconceptions.byExercise.find((m) => m.exerciseSlug === SLUG && m.misconceptionId === MISCONCEPTION)!;
    expect(stat.namings).toBe(3);
    expect(stat.learners).toBe(2);
    expect(stat.holders.map((h) => h.userId)).toEqual([learners.holder!.id]);
    expect(stat.holders[0]!.lastNamedAt).toEqual(ago(2));
    expect(analytics.misconceptions.byTopic.find((t) => t.topicId === TOPIC)!.holders).toEqual([learners.holder!.id]);

    expect(analytics.struggling.map((s) => [s.userId, s.reasons])).toEqual([[learners.idle!.id, [{ kind: "inactive", days: 10, never: true }]]]);
    expect(analytics.struggling[0]!.weakestTopics).toEqual([]);
    const tighter = (await loadCohortAnalytics(db, cohortId, NOW, { failureStreak: 2 }))!;
    const holder = tighter.struggling.find((s) => s.userId === learners.holder!.id)!;
    expect(holder.reasons).toEqual([{ kind: "failing", exerciseSlug: SLUG, failures: 2 }]);
    expect(holder.weakestTopics.map((w) => w.topicId)).toContain(TOPIC);
    // The struggling list is paged (the weakest topics are fitted for the page shown): a page past the end shows the last.
    expect([tighter.strugglingTotal, tighter.strugglingPage]).toEqual([tighter.struggling.length, 1]);
    const past = (await loadCohortAnalytics(db, cohortId, NOW, { failureStreak: 2, strugglingPage: 7 }))!;
    expect([past.strugglingPage, past.struggling.map((s) => s.userId)]).toEqual([1, tighter.struggling.map((s) => s.userId)]);

    expect(analytics.timeZone).toBe("Asia/Shanghai");
    const total = (key: "submissions" | "failedSubmissions" | "reviews") => analytics.activity.reduce((s, d) => s + d[key], 0);
    expect([total("submissions"), total("failedSubmissions"), total("reviews")]).toEqual([4, 3, 1]);
    expect(analytics.activity.find((d) => d.day === "2026-11-29")).toMatchObject({ submissions: 1, reviews: 1, activeLearners: 2 });
  });

  it("a focused review makes the learner's studied cards of the topic due now; others are refused with a reason", async () => {
    const holder = learners.holder!;
    expect(await sendFocusedReview(db, cohortId, { topicId: "no-such-topic", learnerIds: holder.id }, NOW)).toEqual({ ok: false, error: "cohorts.analytics.errors.topicUnknown" });
    expect(await sendFocusedReview(db, cohortId, { topicId: TOPIC, learnerIds: `${holder.id},${learners.removed!.id}` }, NOW)).toEqual({ ok: false, error: "cohorts.analytics.errors.notMember" });
    expect(await sendFocusedReview(db, cohortId, { topicId: TOPIC, learnerIds: "" }, NOW)).toEqual({ ok: false, error: "cohorts.analytics.errors.noLearners" });

    const before = await db.srsCard.findMany({ where: { userId: holder.id }, orderBy: { itemId: "asc" } });
    const othersBefore = await db.srsCard.findMany({ where: { userId: { not: holder.id } }, orderBy: { id: "asc" } });
    const notDue = before.filter((c) => c.due > NOW);
    expect(notDue.length).toBeGreaterThan(0);
    const sent = await sendFocusedReview(db, cohortId, { topicId: TOPIC, learnerIds: holder.id }, NOW);
    expect(sent).toEqual({ ok: true, value: { topicId: TOPIC, learners: 1, cards: notDue.length, href: `/review?topic=${TOPIC}` } });
    const after = await db.srsCard.findMany({ where: { userId: holder.id }, orderBy: { itemId: "asc" } });
    expect(after.every((c) => c.due <= NOW)).toBe(true);
    // Only the due date moved: the memory state is the card's own.
    expect(after.map((c) => [c.itemId, c.stability, c.reps, c.lastReview])).toEqual(before.map((c) => [c.itemId, c.stability, c.reps, c.lastReview]));
    // The other learners' cards were not touched.
    expect(await db.srsCard.findMany({ where: { userId: { not: holder.id } }, orderBy: { id: "asc" } })).toEqual(othersBefore);
  });
});
