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
import { isTransientDbError, withWriteRetry, type Db, type Submission } from "@/lib/db";
import { getLogger } from "@/lib/observability/log";
import { isFirstOfDay, ratingFromGrade, type ItemRef, type ReviewRating, type SchedulerSettings } from "@/lib/scheduling";
import { isKnownItem } from "./items";
import { recordMisconceptionItemsInTransaction } from "./misconceptions";
import { answer, prismaReviewRows, runAwaiting, type ReviewRows, type Steps } from "./rows";
import { ReviewConflictError, reviewSteps } from "./service";
import { settingsFromRow, type DbClient } from "./store";

export function submissionLogId(submissionId: string): string {
  return `submission-${submissionId}`;
}

export type RecordResult =
  | { recorded: true; rating: ReviewRating; score: number; reason: string }
  | { recorded: false; reason: "not-a-graded-submit" | "unknown-exercise" | "already-recorded" };

function isGradedSubmit(s: Submission): s is Submission & { score: number; passed: boolean } {
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
export async function recordGradedSubmissionInTransaction(tx: DbClient, submission: Submission, settings?: SchedulerSettings): Promise<RecordResult> {
  return runAwaiting(recordGradedSubmissionSteps(prismaReviewRows(tx), submission, settings));
}

/** recordGradedSubmissionInTransaction's steps over either store (./rows.ts). */
export function* recordGradedSubmissionSteps(rows: ReviewRows, submission: Submission, given?: SchedulerSettings): Steps<RecordResult> {
  if (!isGradedSubmit(submission)) return { recorded: false, reason: "not-a-graded-submit" };
  const item: ItemRef = { itemType: "exercise", itemId: submission.exerciseSlug };
  if (!isKnownItem(item)) return { recorded: false, reason: "unknown-exercise" };
  const logId = submissionLogId(submission.id);
  if (yield* answer(rows.reviewLogExists(logId))) return { recorded: false, reason: "already-recorded" };
  const settings = given ?? settingsFromRow(yield* answer(rows.settings(submission.userId))).scheduler;
  const card = yield* answer(rows.card(submission.userId, item));
  // The learner's answer is the review, so it happened when they submitted, not when the grader got to it.
  const at = submission.createdAt;
  const lastReview = card?.lastReview ?? null;
  // A retry after feedback on the same day is not a first try: that is the first-of-day rule applied to exercises.
  const firstTry = isFirstOfDay(lastReview, at, settings);
  const grade = ratingFromGrade({ score: Math.min(1, Math.max(0, submission.score)), passed: submission.passed, firstTry, hintsUsed: submission.hintsUsed });
  const meta = { source: "exercise" as const, score: grade.score, submissionId: submission.id, durationMs: null };
  if (lastReview && at.getTime() < lastReview.getTime()) {
    // A later submission was recorded first: replay the exercise's history with this one in its place.
    yield* answer(rows.rewriteHistory(submission.userId, item, [{ id: logId, rating: grade.rating, review: at, ...meta }], settings));
  } else {
    yield* reviewSteps(rows, { userId: submission.userId, item, rating: grade.rating, now: at, meta, logId }, settings, card);
  }
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
