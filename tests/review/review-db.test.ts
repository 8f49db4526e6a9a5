// The review layer against real databases: every test runs on a throw-away, migrated SQLite file and on a
// throw-away PostgreSQL database (tests/helpers/db.ts), because the concurrency guards and the fixed-id
// idempotency of exercise grades rely on each database's own constraints.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import type { Db, Submission } from "@/lib/db";
import { CardState, Rating, createCard, review, parseSchedulerSettings, type ReviewRating } from "@/lib/scheduling";
import { ReviewConflictError, reviewItem, undoLastReview } from "@/lib/review/service";
import { reconcileGradedSubmissions, recordGradedSubmission, submissionLogId } from "@/lib/review/exercise-grades";
import { loadLearnerState } from "@/lib/review/store";
import { loadSession } from "@/lib/review/session";
import { saveReviewPreferences } from "@/lib/review/settings";
import { reviewCatalog } from "@/lib/review/items";
import { onSubmissionGraded, submissionGradedListeners } from "@/lib/grading/hooks";

const flavors = ["sqlite", "postgres"] as const;

const T0 = new Date("2026-11-20T10:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);

const flashcardIds = () => [...reviewCatalog().flashcards.keys()];
const exerciseSlug = () => [...reviewCatalog().exercises.keys()][0]!;

let userCounter = 0;
async function newUser(db: Db): Promise<string> {
  userCounter += 1;
  const user = await db.user.create({ data: { email: `review-${userCounter}-${Date.now()}@example.test`, passwordHash: "not-used" } });
  return user.id;
}

async function newSubmission(db: Db, userId: string, fields: { slug: string; createdAt: Date; score: number; passed: boolean; hintsUsed?: number; kind?: string; status?: string }): Promise<Submission> {
  return db.submission.create({
    data: {
      userId,
      exerciseSlug: fields.slug,
      kind: fields.kind ?? "submit",
      source: "export function f() {}",
      lang: "ts",
      seed: 1,
      status: fields.status ?? "graded",
      score: fields.score,
      passed: fields.passed,
      hintsUsed: fields.hintsUsed ?? 0,
      createdAt: fields.createdAt,
      gradedAt: fields.createdAt,
    },
  });
}

describe.each(flavors)("review on %s", (flavor) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(flavor);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("stores the card state and the log of a flashcard review", async () => {
    const userId = await newUser(t.db);
    const itemId = flashcardIds()[0]!;
    const outcome = await reviewItem(t.db, { userId, item: { itemType: "flashcard", itemId }, rating: Rating.Good, now: T0, meta: { durationMs: 4200 }, expectedLastReview: null });

    const card = await t.db.srsCard.findUniqueOrThrow({ where: { userId_itemType_itemId: { userId, itemType: "flashcard", itemId } } });
    const expected = review(createCard(userId, { itemType: "flashcard", itemId }, T0), Rating.Good, T0, parseSchedulerSettings());
    expect(card.state).toBe(CardState.Learning);
    expect(card.reps).toBe(1);
    expect(card.due.toISOString()).toBe(expected.card.due.toISOString());
    expect(card.lastReview?.toISOString()).toBe(T0.toISOString());

    const logs = await t.db.srsReviewLog.findMany({ where: { userId } });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ cardId: card.id, itemType: "flashcard", itemId, rating: 3, state: CardState.New, source: "review", firstOfDay: true, undone: false, durationMs: 4200, scheduledDays: 0 });
    expect(logs[0]!.review.toISOString()).toBe(T0.toISOString());
    expect(outcome.log.id).toBe(logs[0]!.id);
  });

  it("marks only the first review of an item on a local day as first-of-day", async () => {
    const userId = await newUser(t.db);
    const item = { itemType: "flashcard" as const, itemId: flashcardIds()[1]! };
    await reviewItem(t.db, { userId, item, rating: Rating.Again, now: T0 });
    await reviewItem(t.db, { userId, item, rating: Rating.Good, now: minutes(2) });
    await reviewItem(t.db, { userId, item, rating: Rating.Good, now: days(2) });
    const logs = await t.db.srsReviewLog.findMany({ where: { userId }, orderBy: { review: "asc" } });
    expect(logs.map((l) => l.firstOfDay)).toEqual([true, false, true]);
    expect(logs.map((l) => l.rating)).toEqual([1, 3, 3]);
  });

  it("refuses a rating of a card state that is no longer the stored one", async () => {
    const userId = await newUser(t.db);
    const item = { itemType: "flashcard" as const, itemId: flashcardIds()[2]! };
    await reviewItem(t.db, { userId, item, rating: Rating.Good, now: T0, expectedLastReview: null });
    // A second tab still shows the card as never reviewed.
    await expect(reviewItem(t.db, { userId, item, rating: Rating.Easy, now: minutes(1), expectedLastReview: null })).rejects.toBeInstanceOf(ReviewConflictError);
    expect(await t.db.srsReviewLog.count({ where: { userId } })).toBe(1);
  });

  it("undoes the last rating: the card returns to its previous state and the log is kept, marked undone", async () => {
    const userId = await newUser(t.db);
    expect(await undoLastReview(t.db, userId)).toBeNull();
    const [a, b] = flashcardIds();
    await reviewItem(t.db, { userId, item: { itemType: "flashcard", itemId: a! }, rating: Rating.Good, now: T0 });
    const before = await t.db.srsCard.findFirstOrThrow({ where: { userId, itemId: a! } });
    await reviewItem(t.db, { userId, item: { itemType: "flashcard", itemId: a! }, rating: Rating.Good, now: days(1) });
    await reviewItem(t.db, { userId, item: { itemType: "flashcard", itemId: b! }, rating: Rating.Easy, now: days(1.01) });

    const undoneB = await undoLastReview(t.db, userId);
    expect(undoneB?.item).toEqual({ itemType: "flashcard", itemId: b });
    const cardB = await t.db.srsCard.findFirstOrThrow({ where: { userId, itemId: b! } });
    expect(cardB).toMatchObject({ state: CardState.New, reps: 0, lastReview: null });

    const undoneA = await undoLastReview(t.db, userId);
    expect(undoneA?.item.itemId).toBe(a);
    const cardA = await t.db.srsCard.findFirstOrThrow({ where: { userId, itemId: a! } });
    expect(cardA).toMatchObject({ state: before.state, reps: before.reps, stability: before.stability, difficulty: before.difficulty });
    // The card is due when it was due before the undone review (the session shows it again first anyway).
    expect(cardA.due.toISOString()).toBe(before.due.toISOString());
    expect(cardA.lastReview?.toISOString()).toBe(T0.toISOString());

    const logs = await t.db.srsReviewLog.findMany({ where: { userId }, orderBy: { review: "asc" } });
    expect(logs.map((l) => l.undone)).toEqual([false, true, true]);
    // A re-review after the undo is the first of its day again, because the undone review no longer counts.
    const again = await reviewItem(t.db, { userId, item: { itemType: "flashcard", itemId: a! }, rating: Rating.Hard, now: days(1.02) });
    expect(again.log.firstOfDay).toBe(true);
  });

  it("offers no undo once the rated card was reviewed again outside the session, and refuses one", async () => {
    const userId = await newUser(t.db);
    const [a] = flashcardIds();
    const item = { itemType: "flashcard" as const, itemId: a! };
    await reviewItem(t.db, { userId, item, rating: Rating.Good, now: T0 });
    expect((await loadSession(t.db, userId, { lang: "en", now: minutes(1) })).canUndo).toBe(true);
    // The same card reviewed again, not in a session (a graded submit re-rates a misconception's card this way).
    await reviewItem(t.db, { userId, item, rating: Rating.Again, now: minutes(2), meta: { source: "import", durationMs: null } });
    expect((await loadSession(t.db, userId, { lang: "en", now: minutes(3) })).canUndo).toBe(false);
    await expect(undoLastReview(t.db, userId)).rejects.toBeInstanceOf(ReviewConflictError);
    const logs = await t.db.srsReviewLog.findMany({ where: { userId }, orderBy: { review: "asc" } });
    expect(logs.map((l) => [l.source, l.undone])).toEqual([
      ["review", false],
      ["import", false],
    ]);
  });

  it("turns a graded submit into a rating with its raw score, once, whoever records it", async () => {
    const userId = await newUser(t.db);
    const slug = exerciseSlug();
    const clean = await newSubmission(t.db, userId, { slug, createdAt: T0, score: 1, passed: true });
    expect(await recordGradedSubmission(t.db, clean)).toMatchObject({ recorded: true, rating: Rating.Easy, score: 1, reason: "clean-pass" });
    expect(await recordGradedSubmission(t.db, clean)).toEqual({ recorded: false, reason: "already-recorded" });

    // Same day again with a hint, failing some cases: partial → Hard.
    const partial = await newSubmission(t.db, userId, { slug, createdAt: minutes(30), score: 0.6, passed: false, hintsUsed: 1 });
    expect(await recordGradedSubmission(t.db, partial)).toMatchObject({ recorded: true, rating: Rating.Hard, score: 0.6 });
    const failed = await newSubmission(t.db, userId, { slug, createdAt: days(3), score: 0.25, passed: false });
    expect(await recordGradedSubmission(t.db, failed)).toMatchObject({ recorded: true, rating: Rating.Again });
    const run = await newSubmission(t.db, userId, { slug, createdAt: days(3), score: 1, passed: true, kind: "run" });
    expect(await recordGradedSubmission(t.db, run)).toEqual({ recorded: false, reason: "not-a-graded-submit" });

    const logs = await t.db.srsReviewLog.findMany({ where: { userId }, orderBy: { review: "asc" } });
    expect(logs.map((l) => [l.id, l.rating, l.score, l.source, l.submissionId, l.firstOfDay])).toEqual([
      [submissionLogId(clean.id), 4, 1, "exercise", clean.id, true],
      [submissionLogId(partial.id), 2, 0.6, "exercise", partial.id, false],
      [submissionLogId(failed.id), 1, 0.25, "exercise", failed.id, true],
    ]);
    const card = await t.db.srsCard.findFirstOrThrow({ where: { userId, itemType: "exercise", itemId: slug } });
    expect(card.reps).toBe(3);
    expect(card.lapses).toBe(1);
  });

  it("is registered on the grading hook, which records a graded submit as a review", async () => {
    expect(submissionGradedListeners()).toContain("spaced-repetition");
    const userId = await newUser(t.db);
    const submission = await newSubmission(t.db, userId, { slug: exerciseSlug(), createdAt: T0, score: 0.85, passed: true, hintsUsed: 2 });
    expect(await onSubmissionGraded(t.db, submission, () => {})).toEqual([]);
    const log = await t.db.srsReviewLog.findUniqueOrThrow({ where: { id: submissionLogId(submission.id) } });
    expect(log).toMatchObject({ rating: Rating.Good, score: 0.85, source: "exercise", itemType: "exercise", itemId: exerciseSlug() });
  });

  it("reconciles graded submissions the hook missed, in time order, even around one it recorded", async () => {
    const userId = await newUser(t.db);
    const slug = exerciseSlug();
    const first = await newSubmission(t.db, userId, { slug, createdAt: T0, score: 1, passed: true });
    const second = await newSubmission(t.db, userId, { slug, createdAt: days(4), score: 0.7, passed: true });
    const third = await newSubmission(t.db, userId, { slug, createdAt: days(9), score: 1, passed: true });
    await newSubmission(t.db, userId, { slug, createdAt: days(9), score: 0, passed: false, status: "error" });
    // The hook saw only the latest submission.
    await recordGradedSubmission(t.db, third);
    expect(await reconcileGradedSubmissions(t.db, userId)).toBe(2);
    expect(await reconcileGradedSubmissions(t.db, userId)).toBe(0);

    const logs = await t.db.srsReviewLog.findMany({ where: { userId }, orderBy: { review: "asc" } });
    expect(logs.map((l) => l.submissionId)).toEqual([first.id, second.id, third.id]);
    expect(logs.map((l) => l.rating)).toEqual([4, 2, 4]);

    // The stored card is what FSRS computes from the three reviews in order.
    const settings = parseSchedulerSettings();
    let expected = createCard(userId, { itemType: "exercise", itemId: slug }, T0);
    for (const [rating, at] of [[Rating.Easy, T0], [Rating.Hard, days(4)], [Rating.Easy, days(9)]] as [ReviewRating, Date][]) expected = review(expected, rating, at, settings).card;
    const card = await t.db.srsCard.findFirstOrThrow({ where: { userId, itemType: "exercise", itemId: slug } });
    expect(card.reps).toBe(3);
    expect(card.stability).toBeCloseTo(expected.stability, 10);
    expect(card.due.toISOString()).toBe(expected.due.toISOString());
  });

  it("focuses a session on one topic and ranks the topics the learner keeps failing as weakest", async () => {
    const userId = await newUser(t.db);
    const catalog = reviewCatalog();
    const focused = await loadSession(t.db, userId, { lang: "en", focusTopic: "softmax", now: days(0) });
    expect(focused.focusTopicName).toBe("Multiclass classification and softmax regression");
    expect(catalog.flashcards.get(focused.current!.itemId)!.topics).toContain("softmax");
    expect(focused.current!.topicName).toBe(focused.focusTopicName);
    for (const item of focused.solveAgain) expect(catalog.exercises.get(item.slug)!.meta.topics).toContain("softmax");
    expect(focused.weakest).toEqual([]);

    // Study two topics for a week: gradient descent always recalled, softmax always forgotten.
    const idsOf = (topic: string) => [...catalog.flashcards.values()].filter((c) => c.topics[0] === topic).slice(0, 3).map((c) => c.id);
    for (const [topic, rating] of [["gradient-descent", Rating.Good], ["softmax", Rating.Again]] as const) {
      for (const itemId of idsOf(topic)) {
        for (let day = 0; day < 7; day++) await reviewItem(t.db, { userId, item: { itemType: "flashcard", itemId }, rating, now: days(day) });
      }
    }
    const session = await loadSession(t.db, userId, { lang: "en", now: days(7) });
    expect(session.weakest[0]!.topicId).toBe("softmax");
    const gd = session.weakest.find((w) => w.topicId === "gradient-descent");
    expect(gd === undefined || gd.weakness! < session.weakest[0]!.weakness!).toBe(true);
    // Both topics are started but not complete: they are gaps, listed before every untouched topic.
    const started = session.gaps.filter((g) => g.studiedItems > 0);
    expect(started.map((g) => g.topicId)).toEqual(expect.arrayContaining(["gradient-descent", "softmax"]));
    expect(session.gaps.slice(0, started.length)).toEqual(started);
  });

  it("introduces at most the daily limit of new items, counting those already started today", async () => {
    const userId = await newUser(t.db);
    await saveReviewPreferences(t.db, userId, { dailyNewLimit: 3, desiredRetention: 0.9, timezone: "UTC" });
    const now = new Date();
    const fresh = await loadSession(t.db, userId, { lang: "en", now });
    expect(fresh.remaining.new + fresh.solveAgain.filter((s) => s.kind === "new").length).toBe(3);
    expect(fresh.current?.kind).toBe("new");

    for (let i = 0; i < 2; i++) {
      const session = await loadSession(t.db, userId, { lang: "en", now });
      await reviewItem(t.db, { userId, item: { itemType: "flashcard", itemId: session.current!.itemId }, rating: Rating.Easy, now, expectedLastReview: null });
    }
    const later = await loadSession(t.db, userId, { lang: "en", now });
    expect(later.newStartedToday).toBe(2);
    expect(later.remaining.new + later.solveAgain.filter((s) => s.kind === "new").length).toBe(1);

    await saveReviewPreferences(t.db, userId, { dailyNewLimit: 2, desiredRetention: 0.9, timezone: "UTC" });
    const capped = await loadSession(t.db, userId, { lang: "en", now });
    expect(capped.remaining.new).toBe(0);
    // Easy on a new card graduates it to days away: nothing is due, the session is over for today.
    expect(capped.current).toBeNull();
    const state = await loadLearnerState(t.db, userId);
    expect(state.settings.dailyNewLimit).toBe(2);
  });
});
