// Extension point: what happens after a "submit" submission is graded (status "graded", score and report
// stored). The grading daemon calls `onSubmissionGraded` once per such row, after the row is saved.
//
// Registering a listener (e.g. the spaced-repetition scheduler turning the score into an FSRS review):
//   - permanently: add it to `builtInListeners` below, imported from its own module (lib/scheduling/…), so
//     every daemon process runs it;
//   - at run time (tests, scripts): `const off = addSubmissionGradedListener("name", fn); … off();`
// Listeners run in order, one after the other, each awaited. A listener that throws is logged with its name
// and the submission id and does not stop the next one: grading has already succeeded and is never undone.
// Listeners must be idempotent per submission id: a daemon that dies after grading but before the listeners
// finish does not re-run them, but an operator re-grading a row would.
import type { Db, Submission } from "../db";
import { recordGradedSubmission } from "../review/exercise-grades";

export type SubmissionGradedListener = (db: Db, submission: Submission) => void | Promise<void>;

interface NamedListener {
  name: string;
  listener: SubmissionGradedListener;
}

/** Listeners every daemon runs, in this order. */
const builtInListeners: NamedListener[] = [{ name: "spaced-repetition", listener: async (db, submission) => void (await recordGradedSubmission(db, submission)) }];

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
  return [...builtInListeners, ...runtimeListeners].map((l) => l.name);
}

export interface HookFailure {
  listener: string;
  error: unknown;
}

/** Runs every listener in order; returns the failures (already logged) so callers and tests can see them. */
export async function onSubmissionGraded(
  db: Db,
  submission: Submission,
  log: (message: string) => void = (message) => console.error(message),
): Promise<HookFailure[]> {
  const failures: HookFailure[] = [];
  for (const { name, listener } of [...builtInListeners, ...runtimeListeners]) {
    try {
      await listener(db, submission);
    } catch (error) {
      failures.push({ listener: name, error });
      log(`[grading] listener "${name}" failed for submission ${submission.id}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
  return failures;
}
