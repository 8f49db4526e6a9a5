// Extension point: what happens when a "submit" submission is graded (status "graded", score and report stored).
//
// Two kinds of listener:
//   - transactional (`builtInTransactionalListeners`): run by the grading daemon inside the transaction that
//     stores the grade, so the grade and their writes commit together or not at all. The spaced-repetition
//     scheduler (the score becomes an FSRS review) is one: no graded submit is ever without its review. The
//     misconception items (lib/review/misconceptions.ts: a named misconception enters the review queue) another.
//     Register one permanently by adding it to that list, imported from its own module. Each is written as steps
//     over lib/review/rows.ts's ReviewRows, so the daemon runs it in Prisma's transaction or, on SQLite, in its
//     synchronous transaction on the side connection (`runInGradeTransactionOnSqlite`, issue 16).
//   - after-commit (`addSubmissionGradedListener(name, fn)` at run time, for tests and scripts): run once the
//     grade is committed, in order, each awaited; one that throws is logged with its name and the submission
//     id and does not stop the next one (grading has already succeeded and is never undone).
// `onSubmissionGraded` runs both kinds (the transactional ones each in a transaction of their own): the
// daemon's fallback when the grade had to be stored alone, and its sweep for graded submits that still lack
// their review. Every listener must therefore be idempotent per submission id.
import type { Db, Prisma, Submission } from "../db";
import { getLogger } from "../observability/log";
import { recordGradedSubmission, recordGradedSubmissionSteps } from "../review/exercise-grades";
import { recordMisconceptionItems, recordMisconceptionItemsSteps } from "../review/misconceptions";
import { answer, prismaReviewRows, runAwaiting, runNow, type ReviewRows, type Steps } from "../review/rows";
import { settingsFromRow } from "../review/store";
import { sqliteReviewRows } from "../review/store-sqlite";
import type { PrepareStatement } from "../sqlite-write";
import type { SchedulerSettings } from "../scheduling";

/** A client inside an open transaction (`db.$transaction(async (tx) => …)`), or the plain client. */
export type DbTransaction = Prisma.TransactionClient;

export type SubmissionGradedListener = (db: Db, submission: Submission) => void | Promise<void>;

interface NamedListener {
  name: string;
  listener: SubmissionGradedListener;
}

interface NamedTransactionalListener {
  name: string;
  /**
   * The listener's work in the grade's transaction, over either store (lib/review/rows.ts): Prisma's transaction
   * (`runInGradeTransaction`) or, on SQLite, the daemon's synchronous one (`runInGradeTransactionOnSqlite`).
   * `settings`: the learner's scheduler settings, read once in the grade's transaction for every listener.
   */
  steps: (rows: ReviewRows, submission: Submission, settings: SchedulerSettings) => Steps<unknown>;
  /** The same work in a transaction of its own (fallback and sweep). */
  alone: (db: Db, submission: Submission) => Promise<void>;
}

/** Listeners whose writes commit with the grade, in this order. */
const builtInTransactionalListeners: NamedTransactionalListener[] = [
  {
    name: "spaced-repetition",
    steps: recordGradedSubmissionSteps,
    alone: async (db, submission) => void (await recordGradedSubmission(db, submission)),
  },
  {
    // The misconceptions the grade names enter the learner's review queue; a pass may let them leave it.
    name: "misconception-items",
    steps: recordMisconceptionItemsSteps,
    alone: async (db, submission) => void (await recordMisconceptionItems(db, submission)),
  },
];

const runtimeListeners: NamedListener[] = [];

export function addSubmissionGradedListener(name: string, listener: SubmissionGradedListener): () => void {
  const entry = { name, listener };
  runtimeListeners.push(entry);
  return () => {
    const index = runtimeListeners.indexOf(entry);
    if (index >= 0) runtimeListeners.splice(index, 1);
  };
}

export function submissionGradedListeners(): readonly string[] {
  return [...builtInTransactionalListeners, ...runtimeListeners].map((l) => l.name);
}

export interface HookFailure {
  listener: string;
  error: unknown;
}

/**
 * Runs the transactional listeners inside the grade's transaction `tx`. Throws the first failure: the caller
 * rolls the transaction back (and may store the grade alone, leaving the listeners to `onSubmissionGraded`).
 */
export async function runInGradeTransaction(tx: DbTransaction, submission: Submission): Promise<void> {
  await runAwaiting(gradeTransactionSteps(prismaReviewRows(tx), submission));
}

function* gradeTransactionSteps(rows: ReviewRows, submission: Submission): Steps<void> {
  const settings = settingsFromRow(yield* answer(rows.settings(submission.userId))).scheduler;
  for (const { steps } of builtInTransactionalListeners) yield* steps(rows, submission, settings);
}

/**
 * Runs the transactional listeners on SQLite inside the grade's synchronous transaction on the process's side
 * connection (lib/sqlite-write.ts `transactWithoutBlocking`; issue 16: Prisma's interactive transaction cost the
 * daemon 3.1–5.0 ms of CPU per graded submit). Throws NeedsPrismaError (lib/review/rows.ts) when this grade
 * needs what only Prisma's path does (an item's history rewritten): the caller rolls back and stores the grade
 * through Prisma with `runInGradeTransaction`.
 */
export function runInGradeTransactionOnSqlite(prepare: PrepareStatement, submission: Submission): void {
  runNow(gradeTransactionSteps(sqliteReviewRows(prepare), submission));
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

async function runEach(
  listeners: readonly { name: string; run: () => void | Promise<void> }[],
  submission: Submission,
  log: (message: string) => void,
): Promise<HookFailure[]> {
  const failures: HookFailure[] = [];
  for (const { name, run } of listeners) {
    try {
      await run();
    } catch (error) {
      failures.push({ listener: name, error });
      log(`[grading] listener "${name}" failed for submission ${submission.id}: ${describeError(error)}`);
    }
  }
  return failures;
}

/** Runs the after-commit listeners in order; returns the failures (already logged). */
export function afterGradeCommitted(db: Db, submission: Submission, log: (message: string) => void = (message) => getLogger().error(message)): Promise<HookFailure[]> {
  return runEach(
    runtimeListeners.map(({ name, listener }) => ({ name, run: () => listener(db, submission) })),
    submission,
    log,
  );
}

/** Runs every listener (the transactional ones each in its own transaction) in order; returns the failures (already logged). */
export async function onSubmissionGraded(
  db: Db,
  submission: Submission,
  log: (message: string) => void = (message) => getLogger().error(message),
): Promise<HookFailure[]> {
  const own = await runEach(
    builtInTransactionalListeners.map(({ name, alone }) => ({ name, run: () => alone(db, submission) })),
    submission,
    log,
  );
  return [...own, ...(await afterGradeCommitted(db, submission, log))];
}
