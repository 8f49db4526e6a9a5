// A graded submit's review stored on SQLite without Prisma (lib/grading/hooks.ts `runInGradeTransactionOnSqlite`
// over lib/review/store-sqlite.ts, issue 16) writes exactly what Prisma's transaction writes
// (`runInGradeTransaction`), misconception items included, and hands to Prisma, with nothing written, the grade
// whose history must be rewritten. Two SQLite databases get the same learners, submissions and review-session
// ratings, each grade recorded one way in each; every card, review log and misconception item is then compared
// as Prisma reads it and as SQLite stores it (all but the ids each database generated).
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Submission } from "@/lib/db";
import { runInGradeTransaction, runInGradeTransactionOnSqlite } from "@/lib/grading/hooks";
import { submissionLogId } from "@/lib/review/exercise-grades";
import { namingLogId, rateMisconceptionItem } from "@/lib/review/misconceptions";
import { NeedsPrismaError } from "@/lib/review/rows";
import { undoLastReview } from "@/lib/review/service";
import { Rating } from "@/lib/scheduling";
import { transactWithoutBlocking } from "@/lib/sqlite-write";
import { costSlug } from "@/tests/api/helpers";
import { createTestDb, type TestDb } from "@/tests/helpers/db";

const HOUR = 3_600_000;
const t0 = Date.UTC(2026, 11, 2, 1, 0, 0, 250);

interface Grade {
  score: number;
  passed: boolean;
  hintsUsed?: number;
  names?: string[];
  slug?: string;
}

/** A graded submit's row as the daemon's UPDATE … RETURNING leaves it. */
function gradedSubmit(id: string, userId: string, at: number, grade: Grade): Submission {
  const diagnosis = (grade.names ?? []).map((misconceptionId) => ({ misconceptionId }));
  return {
    id,
    userId,
    exerciseSlug: grade.slug ?? costSlug,
    kind: "submit",
    source: "export function J() { return 0; }",
    lang: "en",
    seed: 7,
    status: "graded",
    score: grade.score,
    passed: grade.passed,
    report: JSON.stringify({ status: grade.passed ? "passed" : "failed", diagnosis }),
    error: null,
    hintsUsed: grade.hintsUsed ?? 0,
    gradingAttempts: 1,
    workerId: "w",
    requestId: null,
    createdAt: new Date(at),
    startedAt: new Date(at + 5),
    gradedAt: new Date(at + 12),
  };
}

const alice = "learner-defaults";
const mei = "learner-shanghai";

/**
 * One learner's history of one exercise and two misconceptions, in the order the grades arrive, with two
 * review-session ratings among them; and a second learner with her own retention and time zone (the first-of-day
 * rule counts her days in Asia/Shanghai from 04:00: 01:00 and 21:00 UTC are 09:00 and 05:00 the next morning
 * there, two days, where in UTC they would be one).
 */
type Event = { grade: Submission } | { rate: { userId: string; misconceptionId: string; at: number } } | { undo: string };
const history: Event[] = [
  { grade: gradedSubmit("a1", alice, t0, { score: 0.25, passed: false, names: ["missing-one-half"] }) },
  { grade: gradedSubmit("a2", alice, t0 + HOUR, { score: 0.5, passed: false, hintsUsed: 2, names: ["missing-one-half", "divides-by-n"] }) },
  // The pass settles both items' pass; a Good after it retires missing-one-half.
  { grade: gradedSubmit("a3", alice, t0 + 2 * HOUR, { score: 1, passed: true }) },
  { rate: { userId: alice, misconceptionId: "missing-one-half", at: t0 + 3 * HOUR } },
  // divides-by-n named again (a new last naming, no pass after it); then recalled before the pass is graded:
  // the pass's grade, arriving after the recall, retires it.
  { grade: gradedSubmit("a4", alice, t0 + 5 * HOUR, { score: 0.5, passed: false, names: ["divides-by-n"] }) },
  // (A recall undone is no recall: the one after it counts.)
  { rate: { userId: alice, misconceptionId: "divides-by-n", at: t0 + 7 * HOUR } },
  { undo: alice },
  { rate: { userId: alice, misconceptionId: "divides-by-n", at: t0 + 7.5 * HOUR } },
  { grade: gradedSubmit("a5", alice, t0 + 6 * HOUR, { score: 1, passed: true }) },
  // missing-one-half again after its retirement: a new active item.
  { grade: gradedSubmit("a6", alice, t0 + 50 * HOUR, { score: 0.75, passed: false, names: ["missing-one-half"] }) },
  // A failure naming nothing is no pass; of two passes after the naming, the first is the item's.
  { grade: gradedSubmit("a6b", alice, t0 + 60 * HOUR, { score: 0.5, passed: false }) },
  { grade: gradedSubmit("a7", alice, t0 + 400 * HOUR, { score: 1, passed: true, hintsUsed: 1 }) },
  { grade: gradedSubmit("a7b", alice, t0 + 401 * HOUR, { score: 1, passed: true }) },
  { grade: gradedSubmit("a8", alice, t0 + HOUR, { score: 1, passed: true, slug: "linear-regression-gradient" }) },
  // A misconception without a review item in the catalog, and an exercise no longer in it, record nothing.
  { grade: gradedSubmit("a9", alice, t0 + 2 * HOUR, { score: 0, passed: false, names: ["no-such-misconception"], slug: "linear-regression-gradient" }) },
  { grade: gradedSubmit("a10", alice, t0 + 3 * HOUR, { score: 1, passed: true, slug: "retired-exercise" }) },
  { grade: gradedSubmit("m1", mei, t0, { score: 0.5, passed: false }) },
  { grade: gradedSubmit("m2", mei, t0 + 20 * HOUR, { score: 1, passed: true }) },
  { grade: gradedSubmit("m3", mei, t0 + 21 * HOUR, { score: 1, passed: true }) },
];

describe("a graded submit's review stored on SQLite without Prisma", () => {
  let onSqlite: TestDb;
  let throughPrisma: TestDb;

  beforeAll(async () => {
    [onSqlite, throughPrisma] = await Promise.all([createTestDb("sqlite"), createTestDb("sqlite")]);
    for (const { db } of [onSqlite, throughPrisma]) {
      for (const id of [alice, mei]) await db.user.create({ data: { id, email: `${id}@example.test`, passwordHash: "x" } });
      await db.srsSettings.create({ data: { userId: mei, desiredRetention: 0.8, timezone: "Asia/Shanghai" } });
    }
  });

  afterAll(async () => {
    await Promise.all([onSqlite?.drop(), throughPrisma?.drop()]);
  });

  /** As the daemon stores a grade on SQLite: the row and its review in one transaction on the side connection; false (rolled back) when Prisma must record it. */
  async function storeOnSqlite(t: TestDb, submission: Submission): Promise<boolean> {
    try {
      return await transactWithoutBlocking(t.db, (prepare) => {
        const { id, status } = submission;
        prepare(`UPDATE "Submission" SET "status" = ? WHERE "id" = ?`).run(status, id);
        runInGradeTransactionOnSqlite(prepare, submission);
        return true;
      });
    } catch (error) {
      if (error instanceof NeedsPrismaError) return false;
      throw error;
    }
  }

  async function storeThroughPrisma(t: TestDb, submission: Submission): Promise<void> {
    await t.db.$transaction(async (tx) => {
      await tx.submission.update({ where: { id: submission.id }, data: { status: submission.status } });
      await runInGradeTransaction(tx, submission);
    });
  }

  /** The submission as it was while its grade was on its way: its grade stored, the row "running". */
  async function arrive(t: TestDb, submission: Submission): Promise<void> {
    await t.db.submission.create({ data: { ...submission, status: "running" } });
  }

  async function rate(t: TestDb, userId: string, misconceptionId: string, at: number): Promise<void> {
    const itemId = `${costSlug}/${misconceptionId}`;
    const card = await t.db.srsCard.findUnique({ where: { userId_itemType_itemId: { userId, itemType: "misconception", itemId } } });
    await rateMisconceptionItem(t.db, { userId, itemId, rating: Rating.Good, now: new Date(at), durationMs: 3000, expectedLastReview: card!.lastReview });
  }

  /** Every card, review log and misconception item, as Prisma reads them and as SQLite stores them, ids made comparable. */
  async function rows(t: TestDb) {
    const cards = await t.db.srsCard.findMany({ orderBy: [{ userId: "asc" }, { itemType: "asc" }, { itemId: "asc" }] });
    const logs = await t.db.srsReviewLog.findMany({ orderBy: [{ review: "asc" }, { id: "asc" }] });
    const items = await t.db.misconceptionItem.findMany({ orderBy: [{ namedAt: "asc" }, { misconceptionId: "asc" }] });
    const cardKey = new Map(cards.map((card) => [card.id, `${card.userId}/${card.itemType}/${card.itemId}`]));
    // A session rating's log has a generated id; the grades' logs have fixed ones.
    const logKey = new Map(logs.map((log) => [log.id, log.source === "review" ? `rating of ${log.itemId} at ${log.review.toISOString()}` : log.id]));
    // As stored too: SQL compares the text of dates, so both paths must write the same text, not only the same
    // instant (Prisma's raw queries turn it into a Date, so it is read with better-sqlite3).
    const file = new Database(t.url.replace(/^file:/, ""), { readonly: true });
    const stored = {
      cards: file.prepare(`SELECT * FROM "SrsCard" ORDER BY "userId", "itemType", "itemId"`).all() as Record<string, unknown>[],
      logs: file.prepare(`SELECT * FROM "SrsReviewLog" ORDER BY "review", "id"`).all() as Record<string, unknown>[],
      items: file.prepare(`SELECT * FROM "MisconceptionItem" ORDER BY "namedAt", "misconceptionId"`).all() as Record<string, unknown>[],
    };
    file.close();
    return {
      cards: cards.map(({ id: _id, createdAt: _created, updatedAt: _updated, ...card }) => card),
      logs: logs.map(({ id, cardId, ...log }) => ({ ...log, id: logKey.get(id), card: cardKey.get(cardId) })),
      items: items.map(({ id: _id, createdAt: _created, retiredByLogId, ...item }) => ({ ...item, retiredBy: retiredByLogId && logKey.get(retiredByLogId) })),
      storedCards: stored.cards.map(({ id: _id, createdAt: _created, updatedAt: _updated, ...card }) => card),
      storedLogs: stored.logs.map(({ id, cardId: _cardId, ...log }) => ({ ...log, id: logKey.get(id as string) })),
      storedItems: stored.items.map(({ id: _id, createdAt: _created, retiredByLogId, ...item }) => ({ ...item, retiredBy: retiredByLogId && logKey.get(retiredByLogId as string) })),
    };
  }

  it("records every in-order grade as Prisma does: cards, same-day retries, hints, a learner's own settings, misconceptions named, passed, retired and named again", async () => {
    for (const event of history) {
      if ("rate" in event) {
        for (const t of [onSqlite, throughPrisma]) await rate(t, event.rate.userId, event.rate.misconceptionId, event.rate.at);
        continue;
      }
      if ("undo" in event) {
        for (const t of [onSqlite, throughPrisma]) expect(await undoLastReview(t.db, event.undo)).not.toBeNull();
        continue;
      }
      for (const t of [onSqlite, throughPrisma]) await arrive(t, event.grade);
      expect(await storeOnSqlite(onSqlite, event.grade), event.grade.id).toBe(true);
      await storeThroughPrisma(throughPrisma, event.grade);
    }
    const [fast, general] = await Promise.all([rows(onSqlite), rows(throughPrisma)]);
    expect(fast).toEqual(general);

    // What the rows should say, not only that they agree.
    const log = (id: string) => fast.logs.find((l) => l.id === id);
    expect(log(submissionLogId("a2"))).toMatchObject({ firstOfDay: false, source: "exercise", score: 0.5, submissionId: "a2" });
    expect(log(submissionLogId("a6"))).toMatchObject({ firstOfDay: true });
    expect(log(submissionLogId("m2"))).toMatchObject({ firstOfDay: true });
    expect(log(submissionLogId("m3"))).toMatchObject({ firstOfDay: false });
    expect(log(namingLogId("a2", "divides-by-n"))).toMatchObject({ rating: Rating.Again, review: new Date(t0 + HOUR) });
    expect(log(submissionLogId("a10"))).toBeUndefined();
    expect(fast.items.map((i) => [i.misconceptionId, i.submissionId, i.lastSubmissionId, i.passSubmissionId, i.activeKey !== null, i.retiredBy])).toEqual([
      ["missing-one-half", "a1", "a2", "a3", false, `rating of ${costSlug}/missing-one-half at ${new Date(t0 + 3 * HOUR).toISOString()}`],
      ["divides-by-n", "a2", "a4", "a5", false, `rating of ${costSlug}/divides-by-n at ${new Date(t0 + 7.5 * HOUR).toISOString()}`],
      ["missing-one-half", "a6", "a6", "a7", true, null],
    ]);
  });

  it("a grade delivered twice is recorded once", async () => {
    const before = await rows(onSqlite);
    for (const event of history) if ("grade" in event) expect(await storeOnSqlite(onSqlite, event.grade)).toBe(true);
    expect(await rows(onSqlite)).toEqual(before);
  });

  it("hands to Prisma, with nothing written, a grade older than its exercise's or its misconception's last review", async () => {
    const m4 = gradedSubmit("m4", mei, t0 + 22 * HOUR, { score: 0, passed: false, names: ["missing-one-half"] });
    await arrive(onSqlite, m4);
    expect(await storeOnSqlite(onSqlite, m4)).toBe(true);
    await rate(onSqlite, mei, "missing-one-half", t0 + 23 * HOUR);
    const before = await rows(onSqlite);
    // Older than the exercise's last review (a7); newer than the exercise's (m4) but older than the rating of
    // the misconception it names.
    const lateExercise = gradedSubmit("late-exercise", alice, t0 + 100 * HOUR, { score: 1, passed: true });
    const lateNaming = gradedSubmit("late-naming", mei, t0 + 22.5 * HOUR, { score: 0, passed: false, names: ["missing-one-half"] });
    for (const late of [lateExercise, lateNaming]) {
      await arrive(onSqlite, late);
      expect(await storeOnSqlite(onSqlite, late), late.id).toBe(false);
      expect(await onSqlite.db.submission.findUnique({ where: { id: late.id }, select: { status: true } }), late.id).toEqual({ status: "running" });
    }
    expect(await rows(onSqlite)).toEqual(before);
  });
});
