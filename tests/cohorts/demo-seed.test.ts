// The demo cohort that `npm start` seeds (scripts/lib/prepare.ts → lib/cohorts/demo/seed.ts) on a real SQLite
// database: its learners, real grade reports and reviews fill the heatmap, the misconceptions and the struggling list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "@/exercises/catalog";
import { seedDemoUsers } from "@/lib/accounts";
import { seedDemoCohort } from "@/lib/cohorts";
import { loadCohortAnalytics } from "@/lib/cohorts/analytics/load";
import { DEMO_EXERCISES, loadDemoReports } from "@/lib/cohorts/demo/exercises";
import { DEMO_LEARNERS, seedDemoActivity } from "@/lib/cohorts/demo/seed";
import { createTestDb, type TestDb } from "@/tests/helpers/db";

const NOW = new Date("2026-11-30T12:00:00Z");
let t: TestDb;
let cohortId: string;

beforeAll(async () => {
  t = await createTestDb("sqlite");
  await seedDemoUsers(t.db);
  const cohort = await seedDemoCohort(t.db, loadCatalog().map((e) => e.meta.slug), NOW);
  cohortId = cohort!.id;
  const seeded = await seedDemoActivity(t.db, cohortId, NOW);
  expect(seeded.learners).toBe(DEMO_LEARNERS.length);
  expect(seeded.submissions).toBeGreaterThan(30);
  expect(seeded.reviews).toBeGreaterThan(100);
}, 180_000);

afterAll(async () => {
  await t?.drop();
});

describe("the demo cohort", () => {
  it("carries a real report for every demo exercise's solution and planted misconceptions", () => {
    const reports = loadDemoReports();
    for (const demo of DEMO_EXERCISES) {
      expect(reports.find((r) => r.slug === demo.slug && r.variant === "solution")?.report.status).toBe("passed");
      for (const id of demo.misconceptions) expect(reports.find((r) => r.slug === demo.slug && r.variant === id)?.report.diagnosis.map((d) => d.misconceptionId)).toContain(id);
    }
  });

  it("shows a populated heatmap, misconceptions held now, struggling learners and activity", async () => {
    const analytics = (await loadCohortAnalytics(t.db, cohortId, NOW))!;
    expect(analytics.learners).toHaveLength(DEMO_LEARNERS.length + 1);
    const filled = analytics.heatmap.rows.filter((r) => r.cells.some((c) => c.value !== null));
    expect(filled).toHaveLength(DEMO_LEARNERS.length);
    expect(analytics.heatmap.topicMeans.filter((m) => m !== null).length).toBeGreaterThanOrEqual(4);
    expect(analytics.misconceptions.byExercise.length).toBeGreaterThanOrEqual(4);
    // The three learners who are stuck on an exercise hold its misconception now.
    expect(new Set(analytics.misconceptions.byExercise.flatMap((m) => m.holders.map((h) => h.userId))).size).toBe(3);
    expect(analytics.struggling.length).toBeGreaterThanOrEqual(2);
    expect(analytics.activity.reduce((s, d) => s + d.submissions, 0)).toBeGreaterThan(20);
    expect(analytics.activity.reduce((s, d) => s + d.reviews, 0)).toBeGreaterThan(50);
    expect(await t.db.assignment.count({ where: { cohortId } })).toBe(5);
  });
});
