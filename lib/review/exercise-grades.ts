// Graded exercise submissions become reviews of the exercise's card: one scheduler for flashcards and exercises.
//
// - `recordGradedSubmissionInTransaction` is the grading hook's transactional listener (lib/grading/hooks.ts): the
//   daemon runs it in the transaction that stores a "submit" submission's grade, so the two commit together. The score, verdict, first try and hints used become an FSRS rating
//   through lib/scheduling's mapping (`ratingFromGrade`); the raw score is stored beside the rating.
// - `reconcileGradedSubmissions` runs when the review page loads and records every graded submission that has
//   no log yet, so nothing is lost when the hook was not registered, failed, or the daemon died after grading.
//
// Idempotent by construction: the log of a submission has the fixed id `submissionLogId(submission.id)`, so the
// primary key refuses a second copy whoever (hook or reconciliation, any process) comes second.
import { isTransientDbError, withWriteRetry, type Db, type SrsCard, type Submission } from "@/lib/db";
import type { PrepareStatement } from "@/lib/sqlite-write";
import { getLogger } from "@/lib/observability/log";
import { isFirstOfDay, ratingFromGrade, type ItemRef, type ReviewRating, type SchedulerSettings } from "@/lib/scheduling";
import { isKnownItem } from "./items";
import { recordMisconceptionItemsInTransaction } from "./misconceptions";
import { cardWhere, nextReview, ReviewConflictError, reviewInTransaction, rewriteItemHistory, type ReviewInput } from "./service";
import { cardRowOnSqlite, reviewLogExistsOnSqlite, writeReviewOnSqlite } from "./store-sqlite";
import { loadSettings } from "./store";

export function submissionLogId(submissionId: string): string {
  return `submission-${submissionId}`;
}

export type RecordResult =
  | { recorded: true; rating: ReviewRating; score: number; reason: string }
  | { recorded: false; reason: "not-a-graded-submit" | "unknown-exercise" | "already-recorded" };

type GradedSubmit = Submission & { score: number; passed: boolean };

function isGradedSubmit(s: Submission): s is GradedSubmit {
  return s.kind === "submit" && s.status === "graded" && s.score !== null && s.passed !== null;
}

const ATTEMPTS = 3;

/** Whether repeating the recording may succeed: another writer changed the card, or the database was busy. */
export function isRecordingRace(error: unknown): boolean {
  return error instanceof ReviewConflictError || isTransientDbError(error);
}

/** Record one graded "submit" submission as a review of its exercise (no-op for anything else or a repeat). */
export async function recordGradedSubmission(db: Db, submission: Submission): Promise<RecordResult> {
  // A concurrent writer (the other of daemon and reconciliation, a rating) changed the card: re-read and decide
  // again; a second pass after the other recorded this submission finds the log and reports "already-recorded".
  return withWriteRetry(() => db.$transaction((tx) => recordGradedSubmissionInTransaction(tx, submission)), { attempts: ATTEMPTS, retryOn: isRecordingRace });
}

/**
 * The same inside an open transaction: the grading daemon records the review in the transaction that stores the
 * grade. Throws ReviewConflictError when another writer changed the card meanwhile (repeat the transaction).
 * `settings`: the learner's scheduler settings when the caller has read them in this transaction already.
 */
export async function recordGradedSubmissionInTransaction(tx: DbTransaction, submission: Submission, settings?: SchedulerSettings): Promise<RecordResult> {
  if (!isGradedSubmit(submission)) return { recorded: false, reason: "not-a-graded-submit" };
  const item: ItemRef = { itemType: "exercise", itemId: submission.exerciseSlug };
  if (!isKnownItem(item)) return { recorded: false, reason: "unknown-exercise" };
  return recordInTransaction(tx, submission, item, submissionLogId(submission.id), settings);
}

type DbTransaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function recordInTransaction(
  tx: DbTransaction,
  submission: GradedSubmit,
  item: ItemRef,
  logId: string,
  given: SchedulerSettings | undefined,
): Promise<RecordResult> {
  if (await tx.srsReviewLog.findUnique({ where: { id: logId }, select: { id: true } })) return { recorded: false, reason: "already-recorded" };
  const settings = given ?? (await loadSettings(tx, submission.userId)).scheduler;
  const card = await tx.srsCard.findUnique({ where: cardWhere(submission.userId, item) });
  const { grade, meta, input, inOrder } = exerciseReview(submission, item, logId, card, settings);
  if (inOrder) {
    await reviewInTransaction(tx, input, settings, card);
  } else {
    // A later submission was recorded first: replay the exercise's history with this one in its place.
    await rewriteItemHistory(tx, submission.userId, item, [{ id: logId, rating: input.rating, review: input.now, ...meta }], settings);
  }
  return { recorded: true, rating: grade.rating, score: grade.score, reason: grade.reason };
}

/**
 * The review a graded submit makes of its exercise's card (`card`: its stored row, null when it has none): the
 * rating from the score, the verdict, the hints and the first-of-day rule, at the time of the submission.
 * `inOrder` is false when the card already has a later review (a later submission was recorded first).
 */
function exerciseReview(submission: GradedSubmit, item: ItemRef, logId: string, card: SrsCard | null, settings: SchedulerSettings) {
  // The learner's answer is the review, so it happened when they submitted, not when the grader got to it.
  const at = submission.createdAt;
  const lastReview = card?.lastReview ?? null;
  // A retry after feedback on the same day is not a first try: that is the first-of-day rule applied to exercises.
  const firstTry = isFirstOfDay(lastReview, at, settings);
  const grade = ratingFromGrade({ score: Math.min(1, Math.max(0, submission.score)), passed: submission.passed, firstTry, hintsUsed: submission.hintsUsed });
  const meta = { source: "exercise" as const, score: grade.score, submissionId: submission.id, durationMs: null };
  const input: ReviewInput = { userId: submission.userId, item, rating: grade.rating, now: at, meta, logId };
  return { grade, meta, input, inOrder: !lastReview || at.getTime() >= lastReview.getTime() };
}

/**
 * The same on SQLite inside the grade's synchronous transaction on the side connection (lib/grading/hooks.ts
 * `runInGradeTransactionOnSqlite`), for the usual case: the submission's review is the card's latest. Null
 * when it is not (a later submission was recorded first): that history is rewritten through Prisma.
 */
export function recordGradedSubmissionOnSqlite(prepare: PrepareStatement, submission: Submission, settings: SchedulerSettings): RecordResult | null {
  if (!isGradedSubmit(submission)) return { recorded: false, reason: "not-a-graded-submit" };
  const item: ItemRef = { itemType: "exercise", itemId: submission.exerciseSlug };
  if (!isKnownItem(item)) return { recorded: false, reason: "unknown-exercise" };
  const logId = submissionLogId(submission.id);
  if (reviewLogExistsOnSqlite(prepare, logId)) return { recorded: false, reason: "already-recorded" };
  const card = cardRowOnSqlite(prepare, submission.userId, item);
  const { grade, input, inOrder } = exerciseReview(submission, item, logId, card, settings);
  if (!inOrder) return null;
  const result = nextReview(card, input, settings);
  writeReviewOnSqlite(prepare, card, result.card, result.log, logId, new Date());
  return { recorded: true, rating: grade.rating, score: grade.score, reason: grade.reason };
}

/**
 * Record every graded "submit" of the learner that has no review log yet, oldest first, with the misconception
 * items it names (lib/review/misconceptions.ts). Returns how many.
 */
export async function reconcileGradedSubmissions(db: Db, userId: string): Promise<number> {
  const [submissions, logged] = await Promise.all([
    db.submission.findMany({ where: { userId, kind: "submit", status: "graded", score: { not: null }, passed: { not: null } }, orderBy: { createdAt: "asc" } }),
    db.srsReviewLog.findMany({ where: { userId, submissionId: { not: null } }, select: { submissionId: true } }),
  ]);
  const done = new Set(logged.map((l) => l.submissionId));
  let recorded = 0;
  for (const submission of submissions) {
    if (done.has(submission.id)) continue;
    try {
      // The grade's transaction records the misconception items with the review; where it could not, neither is.
      const result = await withWriteRetry(
        () =>
          db.$transaction(async (tx) => {
            const review = await recordGradedSubmissionInTransaction(tx, submission);
            await recordMisconceptionItemsInTransaction(tx, submission);
            return review;
          }),
        { attempts: ATTEMPTS, retryOn: isRecordingRace },
      );
      if (result.recorded) recorded += 1;
    } catch (error) {
      // One row that cannot be recorded (a database hiccup) must not block the others or the review page; the
      // next page load tries it again.
      getLogger().error({ err: error, submissionId: submission.id }, "could not record the review of a graded submission");
    }
  }
  return recorded;
}
