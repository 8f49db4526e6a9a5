// Settings of the submission pipeline (web server and grading daemon), validated once with zod from the
// environment. Kept apart from lib/env.ts (the foundation's) so the grading pieces own their variables.
import os from "node:os";
import { z } from "zod";
import { EnvError } from "../env";

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const positiveInt = (name: string, fallback: number, max = 1_000_000) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: `${name} must be a number` })
      .int({ error: `${name} must be a whole number` })
      .min(1, { error: `${name} must be at least 1` })
      .max(max, { error: `${name} must be at most ${max}` })
      .default(fallback),
  );

export const gradingConfigSchema = z.object({
  /** The daemon's control port on 127.0.0.1 (POST /wake, POST /typecheck, GET /health). */
  LACUNA_GRADER_PORT: positiveInt("LACUNA_GRADER_PORT", 3901, 65535),
  /** Grader worker processes, i.e. submissions graded at once. Default: the number of CPU cores. */
  LACUNA_GRADER_WORKERS: positiveInt("LACUNA_GRADER_WORKERS", Math.max(1, os.availableParallelism()), 64),
  /** The daemon's fallback poll for queued rows when no wake-up arrives (another web server, a lost wake). */
  LACUNA_GRADER_POLL_MS: positiveInt("LACUNA_GRADER_POLL_MS", 1000, 60_000),
  /** Submissions (run and submit together) one learner may make per window. */
  LACUNA_SUBMISSION_LIMIT: positiveInt("LACUNA_SUBMISSION_LIMIT", 10, 10_000),
  LACUNA_SUBMISSION_WINDOW_S: positiveInt("LACUNA_SUBMISSION_WINDOW_S", 30, 86_400),
  /** Signed-out "Run visible cases" per client address per guest window (lib/guest-throttle.ts). */
  LACUNA_GUEST_RUN_LIMIT: positiveInt("LACUNA_GUEST_RUN_LIMIT", 10, 100_000),
  /** Signed-out live type checks per client address per guest window (the editor asks after each pause in typing). */
  LACUNA_GUEST_TYPECHECK_LIMIT: positiveInt("LACUNA_GUEST_TYPECHECK_LIMIT", 60, 1_000_000),
  LACUNA_GUEST_WINDOW_S: positiveInt("LACUNA_GUEST_WINDOW_S", 60, 86_400),
  // The job queue on PostgreSQL (lib/grading/queue/pg-boss.ts); read by the workers, which set up the queue.
  /** Deliveries of a job after its first that fail for reasons outside the submission, before it is dead-lettered. */
  LACUNA_QUEUE_RETRY_LIMIT: positiveInt("LACUNA_QUEUE_RETRY_LIMIT", 3, 100),
  /** First retry delay in seconds; doubled (with jitter) for each further retry. */
  LACUNA_QUEUE_RETRY_DELAY_S: positiveInt("LACUNA_QUEUE_RETRY_DELAY_S", 2, 3600),
  /** A job active this long (its worker died) is failed and retried by the queue's maintenance. */
  LACUNA_QUEUE_EXPIRE_S: positiveInt("LACUNA_QUEUE_EXPIRE_S", 120, 86_400),
  /** How often some worker runs the queue's maintenance (expiry of jobs a dead worker held, archiving). */
  LACUNA_QUEUE_MAINTENANCE_S: positiveInt("LACUNA_QUEUE_MAINTENANCE_S", 15, 3600),
});
export type GradingConfig = z.infer<typeof gradingConfigSchema>;

export function parseGradingConfig(source: Record<string, string | undefined> = process.env): GradingConfig {
  const result = gradingConfigSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
}

let cached: GradingConfig | undefined;
export function gradingConfig(): GradingConfig {
  cached ??= parseGradingConfig();
  return cached;
}

/** Largest accepted source file (submissions, drafts, type checks), in UTF-8 bytes: the grader's own limit. */
export const SOURCE_MAX_BYTES = 64 * 1024;
/** Largest accepted request body; anything beyond cannot hold a valid request. */
export const BODY_MAX_BYTES = 4 * SOURCE_MAX_BYTES;
/** Seed of "run" submissions: the learner sees the same visible cases on every run. */
export const VISIBLE_SEED = 1;

/** The UDP datagram the web process wakes the grading daemon with (on the control port's number; anything else is ignored). */
export const WAKE_DATAGRAM = "wake";

/** A row that crashed or outlived this many daemons is given up on (status "error"). */
export const MAX_GRADING_ATTEMPTS = 3;
