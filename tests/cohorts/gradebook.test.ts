// The gradebook's loader, the drill-down into one submission and the CSV download against real, migrated
// databases (SQLite and PostgreSQL), with grade reports from the real grader (the model solution and a planted
// misconception, graded in the real sandbox).
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraderPool, type GradeReport } from "@/grader";
import { gradebookCsvResponse, gradescopeBundleResponse } from "@/lib/cohorts/export/http";
import { loadGradebook, topicCardsOf } from "@/lib/cohorts/gradebook/load";
import { importReviewCsv } from "@/lib/review/io";
import { reviewItem } from "@/lib/review/service";
import { Rating } from "@/lib/scheduling";
import { latestAttempts, loadSubmissionDrilldown } from "@/lib/cohorts/gradebook/submission";
import type { Db, User } from "@/lib/db";
import { createTestDb, type TestDb } from "@/tests/helpers/db";

const SLUG = "linear-regression-cost";
const exerciseDir = path.join(process.cwd(), "exercises", "linear-regression", SLUG);
const solutionSource = readFileSync(path.join(exerciseDir, "solution.ts"), "utf8");
const wrongSource = readFileSync(path.join(exerciseDir, "misconceptions", "missing-one-half.ts"), "utf8");
const DUE = new Date("2026-11-20T15:59:59.999Z"); // 23:59:59.999 in Asia/Shanghai
const NOW = new Date("2026-11-30T12:00:00Z");
const CREATED = new Date("2026-11-01T00:00:00Z"); // the assignments open then (no open time of their own)
const afterDue = (hours: number) => new Date(DUE.getTime() + hours * 3600_000);

let solution: GradeReport;
let wrong: GradeReport;

beforeAll(async () => {
  const pool = createGraderPool({ workers: 1 });
  try {
    [solution, wrong] = await Promise.all([pool.grade({ slug: SLUG, source: solutionSource, lang: "en" }), pool.grade({ slug: SLUG, source: wrongSource, lang: "en" })]);
  } finally {
    await pool.close();
  }
  expect(wrong.diagnosis.map((d) => d.misconceptionId)).toContain("missing-one-half");
}, 120_000);

describe.each(["sqlite", "postgres"] as const)("on %s", (flavor) => {
  let t: TestDb;
  let db: Db;
  let cohortId: string;
  let assignmentId: string;
  const learners: Record<string, User> = {};
  const submissions: Record<string, string> = {};

  async function submit(user: User, report: GradeReport, source: string, at: Date): Promise<string> {
    const row = await db.submission.create({
      data: { userId: user.id, exerciseSlug: SLUG, kind: "submit", source, lang: "en", seed: report.seed, status: "graded", score: report.score, passed: report.status === "passed", report: JSON.stringify(report), createdAt: at, gradedAt: at },
    });
    return row.id;
  }

  beforeAll(async () => {
    t = await createTestDb(flavor);
    db = t.db;
    const teacher = await db.user.create({ data: { email: "teach@test.local", role: "instructor", passwordHash: "x" } });
    cohortId = (await db.cohort.create({ data: { name: "Week 1, \"ML\"", instructorId: teacher.id, joinCode: "GRADEB23", timeZone: "Asia/Shanghai" } })).id;
    const other = await db.cohort.create({ data: { name: "Other", instructorId: teacher.id, joinCode: "OTHERC23" } });
    assignmentId = (
      await db.assignment.create({
        data: { cohortId, title: "Costs", createdAt: CREATED, dueAt: DUE, latePolicy: "per-day", latePenaltyPerDay: 0.1, lateFloor: 0.5, items: { create: [{ kind: "exercise", ref: SLUG }] } },
      })
    ).id;
    // A removed assignment is not in the gradebook.
    await db.assignment.create({ data: { cohortId, title: "Gone", deletedAt: NOW, items: { create: [{ kind: "exercise", ref: "sigmoid" }] } } });
    for (const name of ["ontime", "late", "stranger", "removed"]) {
      learners[name] = await db.user.create({ data: { email: `${name}@test.local`, name, passwordHash: "x" } });
      if (name === "stranger") await db.cohortMember.create({ data: { cohortId: other.id, userId: learners[name].id } });
      else await db.cohortMember.create({ data: { cohortId, userId: learners[name].id, ...(name === "removed" ? { removedAt: NOW } : {}) } });
    }
    submissions.ontime = await submit(learners.ontime!, solution, solutionSource, afterDue(-30));
    submissions.lateWrong = await submit(learners.late!, wrong, wrongSource, afterDue(20)); // 1 day late
    submissions.lateRight = await submit(learners.late!, solution, solutionSource, afterDue(50)); // 3 days late: 1 → 0.7
    submissions.stranger = await submit(learners.stranger!, solution, solutionSource, afterDue(-1));
    submissions.removed = await submit(learners.removed!, solution, solutionSource, afterDue(-1));
  }, 120_000);

  afterAll(async () => {
    await t?.drop();
  });

  it("has a row per current learner and a column per live assignment, the late penalty applied", async () => {
    const loaded = (await loadGradebook(db, cohortId, NOW))!;
    expect(loaded.cohort.timeZone).toBe("Asia/Shanghai");
    expect(loaded.book.assignments.map((a) => [a.title, a.policy])).toEqual([["Costs", { kind: "per-day", penaltyPerDay: 0.1, floor: 0.5 }]]);
    expect(loaded.book.rows.map((r) => r.learner.name)).toEqual(["ontime", "late"]);
    const [ontime, late] = loaded.book.rows.map((r) => r.cells[0]!);
    expect(ontime).toMatchObject({ score: 1, status: "done", daysLate: 0 });
    expect(late).toMatchObject({ score: 0.7, status: "late", daysLate: 3, penalty: 0.3 });
    expect(late!.items[0]!.result.counted?.id).toBe(submissions.lateRight);
    expect(late!.items[0]!.result.attemptsUsed).toBe(2);

    // An extension moves the due time for that learner only.
    await db.assignmentExtension.create({ data: { assignmentId, userId: learners.late!.id, dueAt: afterDue(72), grantedById: learners.ontime!.id } });
    const extended = (await loadGradebook(db, cohortId, NOW))!.book.rows[1]!.cells[0]!;
    expect(extended).toMatchObject({ score: 1, status: "done", daysLate: 0, extended: true });
    await db.assignmentExtension.deleteMany({ where: { assignmentId } });
  });

  it("counts only flashcard reviews made in Lacuna: an imported review file is no work done for the course", async () => {
    const topicCohort = await db.cohort.create({ data: { name: "Cards", instructorId: learners.ontime!.id, joinCode: "CARDSC23" } });
    const due = new Date("2026-12-10T15:59:59.999Z");
    await db.assignment.create({ data: { cohortId: topicCohort.id, title: "Week 1", createdAt: CREATED, dueAt: due, items: { create: [{ kind: "topic", ref: "linear-regression" }] } } });
    const learner = await db.user.create({ data: { email: "cards@test.local", name: "cards", passwordHash: "x" } });
    await db.cohortMember.create({ data: { cohortId: topicCohort.id, userId: learner.id } });
    const cards = topicCardsOf(["linear-regression"])["linear-regression"]!;
    expect(cards.length).toBeGreaterThan(3);
    const cell = async () => (await loadGradebook(db, topicCohort.id, NOW))!.book.rows[0]!.cells[0]!;

    // The tester's file: every card of the topic rated Easy inside the window, by a CSV the learner wrote.
    const within = new Date("2026-11-13T12:00:00Z").getTime();
    const csv = ["card_id,review_time,review_rating,review_state,review_duration", ...cards.map((card) => `flashcard:${card},${within},4,0,1000`)].join("\n");
    const imported = await importReviewCsv(db, learner.id, csv, { now: NOW });
    expect(imported).toMatchObject({ ok: true, imported: cards.length });
    expect(await db.srsReviewLog.count({ where: { userId: learner.id, source: "import" } })).toBe(cards.length);
    expect(await cell()).toMatchObject({ score: 0, attempted: false, status: "open" });

    // A review made in Lacuna counts (one card of the topic recalled), and the import beside it still does not.
    await reviewItem(db, { userId: learner.id, item: { itemType: "flashcard", itemId: cards[0]! }, rating: Rating.Good, now: new Date("2026-11-20T08:00:00Z"), meta: { durationMs: 2000 } });
    const reviewed = await cell();
    expect(reviewed.attempted).toBe(true);
    expect(reviewed.score).toBeCloseTo(1 / cards.length, 6);
  });

  it("drills into a submission: its report, the timeline of attempts with changes, the diff from the one before", async () => {
    const drill = (await loadSubmissionDrilldown(db, cohortId, submissions.lateRight!))!;
    expect(drill.learner.name).toBe("late");
    expect(drill.submission.source).toBe(solutionSource);
    expect(drill.report?.status).toBe("passed");
    expect(drill.timeline.map((e) => [e.id, e.misconceptions])).toEqual([
      [submissions.lateWrong, ["missing-one-half"]],
      [submissions.lateRight, []],
    ]);
    expect(drill.timeline[0]!.change).toBeNull();
    expect(drill.timeline[1]!.change!.added).toBeGreaterThan(0);
    expect(drill.diff?.previousId).toBe(submissions.lateWrong);
    expect(drill.diff!.parts.some((p) => p.added) && drill.diff!.parts.some((p) => p.removed)).toBe(true);
    const first = (await loadSubmissionDrilldown(db, cohortId, submissions.lateWrong!))!;
    expect(first.report?.diagnosis.map((d) => d.misconceptionId)).toContain("missing-one-half");
    expect(first.diff).toBeNull();
    expect((await latestAttempts(db, learners.late!.id, [SLUG])).get(SLUG)?.id).toBe(submissions.lateRight);
  });

  it("shows no submission of someone outside the cohort, or removed from it", async () => {
    expect(await loadSubmissionDrilldown(db, cohortId, submissions.stranger!)).toBeNull();
    expect(await loadSubmissionDrilldown(db, cohortId, submissions.removed!)).toBeNull();
    expect(await loadSubmissionDrilldown(db, cohortId, "no-such-submission")).toBeNull();
  });

  it("downloads the CSV for Canvas and Moodle, and the Gradescope bundle of an assignment with an exercise", async () => {
    const canvas = (await gradebookCsvResponse(db, cohortId, "canvas", "en"))!;
    expect(canvas.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(canvas.headers.get("content-disposition")).toBe('attachment; filename="week-1-ml-gradebook-canvas.csv"');
    expect((await canvas.text()).split("\r\n")).toEqual([
      `Student,ID,SIS User ID,SIS Login ID,Section,Costs (${assignmentId})`,
      "    Points Possible,,,,,100",
      'ontime,,,ontime@test.local,"Week 1, ""ML""",100',
      'late,,,late@test.local,"Week 1, ""ML""",70',
      "",
    ]);
    const moodle = await (await gradebookCsvResponse(db, cohortId, "moodle", "zh"))!.text();
    expect(moodle.split("\r\n")[2]).toBe("late,,late@test.local,70");
    expect(await gradebookCsvResponse(db, "no-such-cohort", "canvas", "en")).toBeNull();

    const bundle = (await gradescopeBundleResponse(db, cohortId, assignmentId, "en"))!;
    expect(bundle.headers.get("content-type")).toBe("application/zip");
    expect(Buffer.from(await bundle.arrayBuffer()).subarray(0, 4).toString("hex")).toBe("504b0304");
    const removed = await db.assignment.findFirst({ where: { cohortId, title: "Gone" } });
    expect(await gradescopeBundleResponse(db, cohortId, removed!.id, "en")).toBeNull();
  });
});
