// A graded submit's review stored on SQLite without Prisma (lib/grading/hooks.ts `runInGradeTransactionOnSqlite`,
// issue 16) writes exactly what Prisma's transaction writes (`runInGradeTransaction`), and hands to Prisma, with
// nothing written, every grade it does not record itself. Two SQLite databases get the same learners and the
// same graded submits, one stored each way; every card and review log is then read back through Prisma and
// compared (all but the card's generated id and its timestamps).
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Submission } from "@/lib/db";
import { runInGradeTransaction, runInGradeTransactionOnSqlite } from "@/lib/grading/hooks";
import { submissionLogId } from "@/lib/review/exercise-grades";
import { activeKeyOf } from "@/lib/review/misconceptions";
import { transactWithoutBlocking } from "@/lib/sqlite-write";
import { costSlug } from "@/tests/api/helpers";
import { createTestDb, type TestDb } from "@/tests/helpers/db";

const HOUR = 3_600_000;
const day1 = Date.UTC(2026, 11, 2, 1, 0, 0, 250);

/** A graded submit's row as the daemon's UPDATE … RETURNING leaves it. */
function gradedSubmit(id: string, userId: string, at: number, fields: { score: number; passed: boolean; hintsUsed?: number; report?: object; slug?: string }): Omit<Submission, never> {
  return {
    id,
    userId,
    exerciseSlug: fields.slug ?? costSlug,
    kind: "submit",
    source: "export function J() { return 0; }",
    lang: "en",
    seed: 7,
    status: "graded",
    score: fields.score,
    passed: fields.passed,
    report: JSON.stringify(fields.report ?? { status: fields.passed ? "passed" : "failed", diagnosis: [] }),
    error: null,
    hintsUsed: fields.hintsUsed ?? 0,
    gradingAttempts: 1,
    workerId: "w",
    requestId: null,
    createdAt: new Date(at),
    startedAt: new Date(at + 5),
    gradedAt: new Date(at + 12),
  };
}

const learners = [
  { id: "learner-defaults", email: "defaults@example.test" },
  { id: "learner-shanghai", email: "shanghai@example.test" },
];

// The same learner's submits in time order, and a second learner with her own retention and time zone (the
// first-of-day rule counts her days in Asia/Shanghai from 04:00: 01:00 and 21:00 UTC are 09:00 and 05:00 the
// next morning there, two days, where in UTC they would be one).
const submits: Submission[] = [
  gradedSubmit("s1", "learner-defaults", day1, { score: 1, passed: true }),
  gradedSubmit("s2", "learner-defaults", day1 + 2 * HOUR, { score: 0.25, passed: false }),
  gradedSubmit("s3", "learner-defaults", day1 + 3 * HOUR, { score: 0.75, passed: false, hintsUsed: 2 }),
  gradedSubmit("s4", "learner-defaults", day1 + 50 * HOUR, { score: 1, passed: true, hintsUsed: 1 }),
  gradedSubmit("s5", "learner-defaults", day1 + 400 * HOUR, { score: 1, passed: true }),
  gradedSubmit("s6", "learner-defaults", day1 + HOUR, { score: 1, passed: true, slug: "linear-regression-gradient" }),
  gradedSubmit("h1", "learner-shanghai", day1, { score: 0.5, passed: false }),
  gradedSubmit("h2", "learner-shanghai", day1 + 20 * HOUR, { score: 1, passed: true }),
  gradedSubmit("h3", "learner-shanghai", day1 + 21 * HOUR, { score: 1, passed: true }),
];

describe("a graded submit's review stored on SQLite without Prisma", () => {
  let onSqlite: TestDb;
  let throughPrisma: TestDb;

  beforeAll(async () => {
    [onSqlite, throughPrisma] = await Promise.all([createTestDb("sqlite"), createTestDb("sqlite")]);
    for (const { db } of [onSqlite, throughPrisma]) {
      for (const learner of learners) await db.user.create({ data: { ...learner, passwordHash: "x" } });
      await db.srsSettings.create({ data: { userId: "learner-shanghai", desiredRetention: 0.8, timezone: "Asia/Shanghai" } });
    }
  });

  afterAll(async () => {
    await Promise.all([onSqlite?.drop(), throughPrisma?.drop()]);
  });

  /** On the side connection, in the transaction the daemon uses; false (rolled back) when Prisma must store it. */
  async function storeOnSqlite(t: TestDb, submission: Submission): Promise<boolean> {
    try {
      return await transactWithoutBlocking(t.db, (prepare) => {
        if (!runInGradeTransactionOnSqlite(prepare, submission)) throw new Error("needs Prisma");
        return true;
      });
    } catch (error) {
      if (error instanceof Error && error.message === "needs Prisma") return false;
      throw error;
    }
  }

  async function rows(t: TestDb) {
    const cards = await t.db.srsCard.findMany({ orderBy: [{ userId: "asc" }, { itemType: "asc" }, { itemId: "asc" }] });
    const logs = await t.db.srsReviewLog.findMany({ orderBy: { id: "asc" } });
    const cardKey = new Map(cards.map((card) => [card.id, `${card.userId}/${card.itemType}/${card.itemId}`]));
    // As stored, too: SQL compares the text of dates, so both paths must write the same text, not only the same instant.
    // (Prisma's raw queries turn a DateTime column's text into a Date, so it is read with better-sqlite3.)
    const file = new Database(t.url.replace(/^file:/, ""), { readonly: true });
    const storedLogs = file.prepare(`SELECT * FROM "SrsReviewLog" ORDER BY "id"`).all() as Record<string, unknown>[];
    const storedCards = file
      .prepare(`SELECT "userId", "itemType", "itemId", "due", "stability", "difficulty", "lastReview", "state", "reps" FROM "SrsCard" ORDER BY "userId", "itemType", "itemId"`)
      .all();
    file.close();
    return {
      cards: cards.map(({ id: _id, createdAt: _created, updatedAt: _updated, ...card }) => card),
      logs: logs.map(({ cardId, ...log }) => ({ ...log, card: cardKey.get(cardId) })),
      storedCards,
      storedLogs: storedLogs.map(({ cardId: _cardId, ...log }) => log),
    };
  }

  it("records every in-order graded submit as Prisma does: new cards, same-day retries, hints, later days, a learner's own settings", async () => {
    for (const submission of submits) {
      expect(await storeOnSqlite(onSqlite, submission), submission.id).toBe(true);
      await throughPrisma.db.$transaction((tx) => runInGradeTransaction(tx, submission));
    }
    const [fast, general] = await Promise.all([rows(onSqlite), rows(throughPrisma)]);
    expect(fast.logs.map((log) => log.id)).toEqual(submits.map((s) => submissionLogId(s.id)).sort());
    expect(fast).toEqual(general);
    // The facts the rows should carry, not only agreement: s2 is a same-day retry (not a first try), s4 a later day.
    const byId = new Map(fast.logs.map((log) => [log.id, log]));
    expect(byId.get(submissionLogId("s2"))).toMatchObject({ firstOfDay: false, source: "exercise", score: 0.25, submissionId: "s2" });
    expect(byId.get(submissionLogId("s4"))).toMatchObject({ firstOfDay: true, reps: 4 });
    expect(byId.get(submissionLogId("h2"))).toMatchObject({ firstOfDay: true });
    expect(byId.get(submissionLogId("h3"))).toMatchObject({ firstOfDay: false });
    const card = fast.cards.find((c) => c.userId === "learner-defaults" && c.itemId === costSlug)!;
    expect(card.reps).toBe(5);
    expect(card.lastReview).toEqual(submits[4]!.createdAt);
  });

  it("a grade delivered twice is recorded once; an exercise no longer in the catalog records nothing, as through Prisma", async () => {
    const before = await rows(onSqlite);
    expect(await storeOnSqlite(onSqlite, submits[0]!)).toBe(true);
    expect(await storeOnSqlite(onSqlite, gradedSubmit("gone", "learner-defaults", day1 + 500 * HOUR, { score: 1, passed: true, slug: "retired-exercise" }))).toBe(true);
    expect(await rows(onSqlite)).toEqual(before);
  });

  it("hands to Prisma, with nothing written, a submit older than the card's last review, a named misconception, and a pass that may settle an item", async () => {
    const before = await rows(onSqlite);
    const late = gradedSubmit("late", "learner-defaults", day1 + 4 * HOUR, { score: 1, passed: true });
    const named = gradedSubmit("named", "learner-shanghai", day1 + 40 * HOUR, {
      score: 0,
      passed: false,
      report: { status: "failed", diagnosis: [{ misconceptionId: "missing-one-half" }] },
    });
    expect(await storeOnSqlite(onSqlite, late)).toBe(false);
    expect(await storeOnSqlite(onSqlite, named)).toBe(false);
    expect(await rows(onSqlite)).toEqual(before);

    // Prisma records the naming: an active item. The learner's next pass of the exercise may now settle it.
    await onSqlite.db.$transaction((tx) => runInGradeTransaction(tx, named));
    expect(await onSqlite.db.misconceptionItem.findUnique({ where: { activeKey: activeKeyOf("learner-shanghai", costSlug, "missing-one-half") } })).not.toBeNull();
    const pass = gradedSubmit("pass", "learner-shanghai", day1 + 41 * HOUR, { score: 1, passed: true });
    const withItem = await rows(onSqlite);
    expect(await storeOnSqlite(onSqlite, pass)).toBe(false);
    expect(await rows(onSqlite)).toEqual(withItem);
    // A failure of the same exercise settles nothing, so it stays on SQLite.
    expect(await storeOnSqlite(onSqlite, gradedSubmit("fail", "learner-shanghai", day1 + 42 * HOUR, { score: 0.5, passed: false }))).toBe(true);
  });
});
