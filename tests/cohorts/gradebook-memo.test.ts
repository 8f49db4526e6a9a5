// The gradebook page's per-process memo (lib/cohorts/gradebook/memo.ts) on real, migrated databases (SQLite and
// PostgreSQL): an unchanged cohort is served the gradebook computed before, and every change the gradebook
// depends on (a new grade, a submission graded later, a flashcard review and its undo, an extension, an edited
// due time, a removed learner and the undo, a renamed learner, `now` passing a due time inside one minute) shows
// at the very next load, equal to a fresh loadGradebook.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGradebook, topicCardsOf } from "@/lib/cohorts/gradebook/load";
import { loadGradebookMemo } from "@/lib/cohorts/gradebook/memo";
import { reviewItem } from "@/lib/review/service";
import { Rating } from "@/lib/scheduling";
import type { Db, User } from "@/lib/db";
import { createTestDb, type TestDb } from "@/tests/helpers/db";

const SLUG = "linear-regression-cost";
const TOPIC = "linear-regression";
const CREATED = new Date("2026-11-01T00:00:00Z");
const DUE = new Date("2026-11-20T16:00:30Z");
/** Two instants of one minute, before and after the due time. */
const BEFORE_DUE = new Date("2026-11-20T16:00:10Z");
const AFTER_DUE = new Date("2026-11-20T16:00:50Z");

describe.each(["sqlite", "postgres"] as const)("on %s", (flavor) => {
  let t: TestDb;
  let db: Db;
  let cohortId: string;
  let assignmentId: string;
  let ada: User;
  let bo: User;

  /** The memo's gradebook at `now`, checked equal to a fresh load. */
  async function memoized(now: Date) {
    const book = (await loadGradebookMemo(db, cohortId, now))!;
    expect(book).toEqual(await loadGradebook(db, cohortId, now));
    return book;
  }
  const cell = (book: Awaited<ReturnType<typeof memoized>>, user: User, column = 0) => book.book.rows.find((r) => r.learner.userId === user.id)?.cells[column];
  const graded = (user: User, score: number, at: Date) =>
    db.submission.create({ data: { userId: user.id, exerciseSlug: SLUG, kind: "submit", source: "// memo", lang: "en", seed: 1, status: "graded", score, passed: score === 1, createdAt: at, gradedAt: at } });

  beforeAll(async () => {
    t = await createTestDb(flavor);
    db = t.db;
    const teacher = await db.user.create({ data: { email: "memo-teacher@test.local", role: "instructor", passwordHash: "x" } });
    cohortId = (await db.cohort.create({ data: { name: "Memo", instructorId: teacher.id, joinCode: "MEMOCO23" } })).id;
    assignmentId = (await db.assignment.create({ data: { cohortId, title: "Costs", createdAt: CREATED, dueAt: DUE, items: { create: [{ kind: "exercise", ref: SLUG }] } } })).id;
    ada = await db.user.create({ data: { email: "ada@test.local", name: "Ada", passwordHash: "x" } });
    bo = await db.user.create({ data: { email: "bo@test.local", name: "Bo", passwordHash: "x" } });
    for (const user of [ada, bo]) await db.cohortMember.create({ data: { cohortId, userId: user.id, joinedAt: CREATED } });
    await graded(ada, 0.5, new Date("2026-11-10T10:00:00Z"));
  }, 60_000);

  afterAll(async () => {
    await t?.drop();
  });

  it("serves an unchanged cohort from the memo, and shows each change at the next load", async () => {
    const first = await memoized(BEFORE_DUE);
    expect(await loadGradebookMemo(db, cohortId, BEFORE_DUE)).toBe(first); // nothing changed: the same object
    expect(cell(first, ada)).toMatchObject({ score: 0.5, status: "open" });
    expect(cell(first, bo)).toMatchObject({ attempted: false, status: "open" });

    // `now` passes the due time inside the same minute: Bo's cell is overdue at once.
    expect(cell(await memoized(AFTER_DUE), bo)).toMatchObject({ status: "overdue" });

    // A new grade.
    await graded(bo, 1, new Date("2026-11-12T10:00:00Z"));
    expect(cell(await memoized(BEFORE_DUE), bo)).toMatchObject({ score: 1, status: "done" });

    // A submission created earlier and graded now (its time is older than the latest graded one).
    const pending = await db.submission.create({ data: { userId: ada.id, exerciseSlug: SLUG, kind: "submit", source: "// memo", lang: "en", seed: 1, status: "queued", createdAt: new Date("2026-11-11T10:00:00Z") } });
    expect(cell(await memoized(BEFORE_DUE), ada)).toMatchObject({ score: 0.5 });
    await db.submission.update({ where: { id: pending.id }, data: { status: "graded", score: 0.75, passed: false, gradedAt: BEFORE_DUE } });
    expect(cell(await memoized(BEFORE_DUE), ada)).toMatchObject({ score: 0.75 });

    // An extension, then an edited due time.
    await db.assignmentExtension.create({ data: { assignmentId, userId: ada.id, dueAt: new Date("2026-11-25T00:00:00Z"), grantedById: ada.id } });
    expect(cell(await memoized(AFTER_DUE), ada)).toMatchObject({ extended: true, status: "open" });
    await db.assignment.update({ where: { id: assignmentId }, data: { dueAt: new Date("2026-11-30T00:00:00Z") } });
    expect(cell(await memoized(AFTER_DUE), bo)).toMatchObject({ status: "done" });
    expect((await memoized(AFTER_DUE)).book.assignments[0]!.dueAt).toEqual(new Date("2026-11-30T00:00:00Z"));

    // A learner removed, then the removal undone; a learner renamed.
    await db.cohortMember.update({ where: { cohortId_userId: { cohortId, userId: bo.id } }, data: { removedAt: BEFORE_DUE } });
    expect(cell(await memoized(BEFORE_DUE), bo)).toBeUndefined();
    await db.cohortMember.update({ where: { cohortId_userId: { cohortId, userId: bo.id } }, data: { removedAt: null } });
    expect(cell(await memoized(BEFORE_DUE), bo)).toMatchObject({ score: 1 });
    await db.user.update({ where: { id: bo.id }, data: { name: "Bo Renamed" } });
    expect((await memoized(BEFORE_DUE)).book.rows.map((r) => r.learner.name)).toContain("Bo Renamed");
  });

  it("shows a flashcard review of an assigned topic, and its undo, at the next load", async () => {
    await db.assignment.create({ data: { cohortId, title: "Cards", createdAt: CREATED, dueAt: new Date("2026-12-10T00:00:00Z"), items: { create: [{ kind: "topic", ref: TOPIC }] } } });
    const book = await memoized(BEFORE_DUE);
    const column = book.book.assignments.findIndex((a) => a.title === "Cards");
    expect(cell(book, ada, column)).toMatchObject({ attempted: false });
    const card = topicCardsOf([TOPIC])[TOPIC]![0]!;
    await reviewItem(db, { userId: ada.id, item: { itemType: "flashcard", itemId: card }, rating: Rating.Good, now: new Date("2026-11-15T08:00:00Z"), meta: { durationMs: 2000 } });
    expect(cell(await memoized(BEFORE_DUE), ada, column)).toMatchObject({ attempted: true });
    await db.srsReviewLog.updateMany({ where: { userId: ada.id }, data: { undone: true } });
    expect(cell(await memoized(BEFORE_DUE), ada, column)).toMatchObject({ attempted: false });
  });
});
