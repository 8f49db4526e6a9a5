// The learner-facing submission service: what the /api/submissions, /api/drafts, /api/typecheck and
// /api/exercises routes do, framework-free (a Db and a user id in, an ApiResult out) so tests call it
// directly and assert the same status codes and messages the routes send.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { findExercise, loadCatalog, type ExerciseEntry } from "../../exercises/catalog";
import { timePhase } from "../../grader/phase-timing";
import { gradeReportSchema, type GradeReport } from "../../grader/report";
import { isSqliteDb, withWriteRetry, type Db, type Submission } from "../db";
import { sqliteTimestamp, writeWithoutBlocking } from "../sqlite-write";
import { readSubmission } from "./submission-row";
import { gradingConfig, VISIBLE_SEED, type GradingConfig } from "./config";
import { fail, ok, parseWith, sourceTooLarge, type ApiResult } from "./http";
import type { GradingQueue } from "./queue/types";
import { storedRequestId } from "../observability/core";
import { drawHiddenSeed } from "./seeds";

export const submissionKinds = ["run", "submit"] as const;
export type SubmissionKind = (typeof submissionKinds)[number];
export const submissionStatuses = ["queued", "running", "graded", "error"] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];
const langSchema = z.enum(["en", "zh"], { error: 'must be "en" or "zh"' });

const slugSchema = z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }).max(200, { error: "must be at most 200 characters" });
const sourceSchema = z.string({ error: "must be a string" });

export const createSubmissionSchema = z.object({
  slug: slugSchema,
  source: sourceSchema,
  kind: z.enum(submissionKinds, { error: 'must be "run" or "submit"' }),
  hintsUsed: z.number({ error: "must be a number" }).int({ error: "must be a whole number" }).min(0, { error: "must be at least 0" }).max(100, { error: "must be at most 100" }).default(0),
  /** Language of the report's messages; defaults to the learner's saved locale, else English. */
  lang: langSchema.optional(),
});
export type CreateSubmissionInput = z.input<typeof createSubmissionSchema>;

export const draftSchema = z.object({
  source: sourceSchema,
  hintsRevealed: z.number({ error: "must be a number" }).int({ error: "must be a whole number" }).min(0, { error: "must be at least 0" }).max(100, { error: "must be at most 100" }).default(0),
});

export const typeCheckSchema = z.object({ slug: slugSchema, source: sourceSchema });

export const historyQuerySchema = z.object({
  slug: slugSchema.optional(),
  limit: z.coerce.number({ error: "must be a number" }).int({ error: "must be a whole number" }).min(1, { error: "must be at least 1" }).max(200, { error: "must be at most 200" }).default(50),
});

function unknownExercise(slug: string): ApiResult<never> {
  return fail(404, "unknown-exercise", `There is no exercise "${slug}".`);
}

function exerciseOr404(slug: string): { ok: true; entry: ExerciseEntry } | { ok: false; result: ApiResult<never> } {
  const entry = findExercise(slug);
  return entry ? { ok: true, entry } : { ok: false, result: unknownExercise(slug) };
}

// ---------------------------------------------------------------------------------------------------------
// Rate limit: counted from the stored rows, so it holds across web server processes and restarts.

export interface RateLimit {
  limit: number;
  windowMs: number;
}

export function rateLimitOf(config: GradingConfig = gradingConfig()): RateLimit {
  return { limit: config.LACUNA_SUBMISSION_LIMIT, windowMs: config.LACUNA_SUBMISSION_WINDOW_S * 1000 };
}

/** Seconds until the learner may submit again, or null when under the limit. */
export async function retryAfterSeconds(db: Pick<Db, "submission">, userId: string, rate: RateLimit, now: Date): Promise<number | null> {
  const windowStart = new Date(now.getTime() - rate.windowMs);
  const recent = await db.submission.count({ where: { userId, createdAt: { gt: windowStart } } });
  if (recent < rate.limit) return null;
  // The learner is under the limit again once the (recent − limit + 1) oldest rows of the window have left it.
  const freeing = await db.submission.findFirst({
    where: { userId, createdAt: { gt: windowStart } },
    orderBy: { createdAt: "asc" },
    skip: recent - rate.limit,
    select: { createdAt: true },
  });
  const freeAt = (freeing?.createdAt.getTime() ?? now.getTime()) + rate.windowMs;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
}

// ---------------------------------------------------------------------------------------------------------
// Submissions

export interface CreateSubmissionDeps {
  /** Where the row's grading job goes, in the row's own transaction (lib/grading/queue). */
  queue?: Pick<GradingQueue, "enqueue" | "committed">;
  /** Without `queue`: the SQLite daemon's queue, woken by this after the commit (the daemon also polls). */
  wake?: () => void | Promise<unknown>;
  rate?: RateLimit;
  now?: () => Date;
  /** The x-request-id of the request (lib/observability): stored with the row, so its grade's log lines carry it. */
  requestId?: string | null;
}

export interface CreatedSubmission {
  id: string;
  status: SubmissionStatus;
}

export async function createSubmission(db: Db, userId: string, raw: unknown, deps: CreateSubmissionDeps): Promise<ApiResult<CreatedSubmission>> {
  const parsed = parseWith(createSubmissionSchema, raw);
  if (!parsed.ok) return parsed.result;
  const input = parsed.data;
  const exercise = exerciseOr404(input.slug);
  if (!exercise.ok) return exercise.result;
  const tooLarge = sourceTooLarge(input.source);
  if (tooLarge) return tooLarge;

  const rate = deps.rate ?? rateLimitOf();
  const now = deps.now?.() ?? new Date();
  const lang = input.lang ?? (await learnerLang(db, userId));
  // A "run" shows the same visible cases every time; a "submit" is graded on a hidden seed drawn from the
  // exercise's secret pool (seeds.ts: the daemon has their outputs cached), kept in the row so the grade
  // can be reproduced.
  const seed = input.kind === "run" ? VISIBLE_SEED : drawHiddenSeed(input.slug);
  const queue = deps.queue ?? rowQueue(deps.wake);
  const fields = { userId, exerciseSlug: input.slug, kind: input.kind, source: input.source, lang, seed, hintsUsed: input.hintsUsed, requestId: storedRequestId(deps.requestId) };
  const stored = await timePhase("web.store", () => withWriteRetry(() =>
    isSqliteDb(db) ? insertUnderLimit(db, fields, rate, now) : db.$transaction(
      async (tx) => {
        // Serialises one learner's submissions across web server processes, so a burst cannot slip past the
        // limit between counting and inserting: a no-op write locks the learner's row on PostgreSQL and takes
        // the database's write lock on SQLite, until the transaction ends. (Not the key column: rewriting "id",
        // even unchanged, makes SQLite walk every child row of the ON UPDATE CASCADE foreign keys.)
        await tx.$executeRaw`UPDATE "User" SET "updatedAt" = "updatedAt" WHERE "id" = ${userId}`;
        const retryAfter = await retryAfterSeconds(tx, userId, rate, now);
        if (retryAfter !== null) return { limited: true as const, retryAfter };
        const row = await tx.submission.create({
          data: { ...fields, status: "queued" },
          select: { id: true, status: true },
        });
        await queue.enqueue(tx, row.id);
        return { limited: false as const, row };
      },
      { maxWait: 15_000, timeout: 15_000 },
    ),
  ));
  if (stored.limited) {
    return fail(
      429,
      "rate-limited",
      `Too many submissions: at most ${rate.limit} every ${rate.windowMs / 1000} seconds. Try again in ${stored.retryAfter} s.`,
      {},
      { "retry-after": String(stored.retryAfter) },
    );
  }
  const row = stored.row;
  queue.committed(row.id);
  return ok({ id: row.id, status: row.status as SubmissionStatus }, 202, { location: `/api/submissions/${row.id}` });
}

/** SQLite's queue, the rows themselves (lib/grading/queue/sqlite.ts), without loading the queue modules. */
type NewSubmission = { userId: string; exerciseSlug: string; kind: string; source: string; lang: string; seed: number; hintsUsed: number; requestId: string | null };

const INSERT_UNDER_LIMIT_SQL = `
  INSERT INTO "Submission" ("id", "userId", "exerciseSlug", "kind", "source", "lang", "seed", "status", "hintsUsed", "requestId", "createdAt")
  SELECT ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?
  WHERE (SELECT COUNT(*) FROM "Submission" WHERE "userId" = ? AND "createdAt" > ?) < ?
  RETURNING "id", "status"`;

/**
 * SQLite (whose queue is the rows themselves: nothing else to write with the row): the rate limit and the
 * insert in ONE statement, atomic as every SQLite statement is (it holds the
 * database's write lock from the count to the insert), instead of an interactive transaction: under a burst those
 * queued for the client's one connection (20 at once on a loaded machine: "Unable to start a transaction in the
 * given time", a 500) and cost four round trips through the query engine each. It runs on the process's side
 * connection (lib/sqlite-write.ts), so while the daemon commits a grade this process goes on serving, not sleeping
 * in SQLite's busy handler.
 */
async function insertUnderLimit(db: Db, row: NewSubmission, rate: RateLimit, now: Date): Promise<{ limited: true; retryAfter: number } | { limited: false; row: { id: string; status: string } }> {
  const id = `c${Date.now().toString(36)}${randomBytes(9).toString("hex")}`;
  const windowStart = new Date(now.getTime() - rate.windowMs);
  const inserted = await writeWithoutBlocking(db, (prepare) =>
    prepare(INSERT_UNDER_LIMIT_SQL).get(
      id, row.userId, row.exerciseSlug, row.kind, row.source, row.lang, row.seed, row.hintsUsed, row.requestId, sqliteTimestamp(new Date()),
      row.userId, sqliteTimestamp(windowStart), rate.limit,
    ) as { id: string; status: string } | undefined,
  );
  if (inserted) return { limited: false, row: inserted };
  return { limited: true, retryAfter: (await retryAfterSeconds(db, row.userId, rate, now)) ?? 1 };
}

function rowQueue(wake: CreateSubmissionDeps["wake"]): Pick<GradingQueue, "enqueue" | "committed"> {
  return {
    enqueue: async () => undefined,
    committed: () =>
      void Promise.resolve()
        .then(() => wake?.())
        .catch(() => undefined),
  };
}

async function learnerLang(db: Db, userId: string): Promise<"en" | "zh"> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  const parsed = langSchema.safeParse(user?.locale);
  return parsed.success ? parsed.data : "en";
}

export interface SubmissionView {
  id: string;
  slug: string;
  kind: SubmissionKind;
  status: SubmissionStatus;
  score: number | null;
  passed: boolean | null;
  /** The grader's report, re-validated with gradeReportSchema; null until graded (or if the stored one is invalid). */
  report: GradeReport | null;
  /** Why the submission could not be graded (status "error"), or why the stored report is unreadable. */
  error: string | null;
  lang: "en" | "zh";
  hintsUsed: number;
  source: string;
  createdAt: string;
  startedAt: string | null;
  gradedAt: string | null;
}

function parseStoredReport(text: string | null): { report: GradeReport | null; problem: string | null } {
  if (text === null) return { report: null, problem: null };
  try {
    const checked = gradeReportSchema.safeParse(JSON.parse(text));
    if (checked.success) return { report: checked.data, problem: null };
    const issue = checked.error.issues[0];
    return { report: null, problem: `The stored report is invalid (${issue?.path.join(".")}: ${issue?.message}).` };
  } catch (error) {
    return { report: null, problem: `The stored report is not JSON (${(error as Error).message}).` };
  }
}

/**
 * What a learner sees of a submit's seed. The hidden seed stays on the server: seeds come from a fixed pool per
 * exercise (seeds.ts), and with the repository's case generators a known seed would reveal its hidden cases.
 */
export const HIDDEN_SEED_SHOWN_AS = 0;

export function toSubmissionView(row: Submission): SubmissionView {
  const { report: stored, problem } = parseStoredReport(row.report);
  const report = stored && row.kind === "submit" ? { ...stored, seed: HIDDEN_SEED_SHOWN_AS } : stored;
  return {
    id: row.id,
    slug: row.exerciseSlug,
    kind: row.kind as SubmissionKind,
    status: row.status as SubmissionStatus,
    score: row.score,
    passed: row.passed,
    report,
    error: row.error ?? problem,
    lang: row.lang === "zh" ? "zh" : "en",
    hintsUsed: row.hintsUsed,
    source: row.source,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    gradedAt: row.gradedAt?.toISOString() ?? null,
  };
}

/** 404 when no such row, 403 when it is another learner's; null when `userId` owns it. */
function accessProblem(row: { userId: string } | null, userId: string, id: string): ApiResult<never> | null {
  if (!row) return fail(404, "not-found", `There is no submission "${id}".`);
  if (row.userId !== userId) return fail(403, "forbidden", "This submission belongs to another learner.");
  return null;
}

export async function getSubmission(db: Db, userId: string, id: string): Promise<ApiResult<SubmissionView>> {
  const row = await readSubmission(db, id);
  return accessProblem(row, userId, id) ?? ok(toSubmissionView(row!));
}

export function isFinished(status: string): boolean {
  return status === "graded" || status === "error";
}

/** For the events stream: ownership checked once, then only the cheap status column is polled. */
export async function checkSubmissionAccess(db: Db, userId: string, id: string): Promise<ApiResult<{ id: string }>> {
  const row = await db.submission.findUnique({ where: { id }, select: { userId: true } });
  return accessProblem(row, userId, id) ?? ok({ id });
}

export async function submissionStatus(db: Db, id: string): Promise<SubmissionStatus | null> {
  const row = await db.submission.findUnique({ where: { id }, select: { status: true } });
  return row ? (row.status as SubmissionStatus) : null;
}

export interface HistoryEntry {
  id: string;
  slug: string;
  kind: SubmissionKind;
  status: SubmissionStatus;
  score: number | null;
  passed: boolean | null;
  createdAt: string;
}

export async function listSubmissions(db: Db, userId: string, query: Record<string, string | undefined>): Promise<ApiResult<{ submissions: HistoryEntry[] }>> {
  const parsed = parseWith(historyQuerySchema, query);
  if (!parsed.ok) return parsed.result;
  const { slug, limit } = parsed.data;
  if (slug !== undefined && !findExercise(slug)) return unknownExercise(slug);
  const rows = await db.submission.findMany({
    where: { userId, ...(slug !== undefined ? { exerciseSlug: slug } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, exerciseSlug: true, kind: true, status: true, score: true, passed: true, createdAt: true },
  });
  return ok({
    submissions: rows.map((r) => ({
      id: r.id,
      slug: r.exerciseSlug,
      kind: r.kind as SubmissionKind,
      status: r.status as SubmissionStatus,
      score: r.score,
      passed: r.passed,
      createdAt: r.createdAt.toISOString(),
    })),
  });
}

// ---------------------------------------------------------------------------------------------------------
// Drafts: keyed by (signed-in learner, slug), so a learner can only ever address their own.

export interface DraftView {
  slug: string;
  /** false: nothing saved yet, `source` is the exercise's starter code. */
  saved: boolean;
  source: string;
  hintsRevealed: number;
  updatedAt: string | null;
}

export async function getDraft(db: Db, userId: string, slug: string): Promise<ApiResult<DraftView>> {
  const exercise = exerciseOr404(slug);
  if (!exercise.ok) return exercise.result;
  const draft = await db.draft.findUnique({ where: { userId_exerciseSlug: { userId, exerciseSlug: slug } } });
  if (!draft) return ok({ slug, saved: false, source: exercise.entry.starter, hintsRevealed: 0, updatedAt: null });
  return ok({ slug, saved: true, source: draft.source, hintsRevealed: draft.hintsRevealed, updatedAt: draft.updatedAt.toISOString() });
}

export async function putDraft(db: Db, userId: string, slug: string, raw: unknown): Promise<ApiResult<DraftView>> {
  const exercise = exerciseOr404(slug);
  if (!exercise.ok) return exercise.result;
  const hintCount = exercise.entry.meta.hints.length;
  const schema = draftSchema.refine((d) => d.hintsRevealed <= hintCount, {
    error: `must be at most ${hintCount} (this exercise has ${hintCount} hints)`,
    path: ["hintsRevealed"],
  });
  const parsed = parseWith(schema, raw);
  if (!parsed.ok) return parsed.result;
  const tooLarge = sourceTooLarge(parsed.data.source);
  if (tooLarge) return tooLarge;
  const { source, hintsRevealed } = parsed.data;
  const draft = await db.draft.upsert({
    where: { userId_exerciseSlug: { userId, exerciseSlug: slug } },
    create: { userId, exerciseSlug: slug, source, hintsRevealed },
    update: { source, hintsRevealed },
  });
  return ok({ slug, saved: true, source: draft.source, hintsRevealed: draft.hintsRevealed, updatedAt: draft.updatedAt.toISOString() });
}

// ---------------------------------------------------------------------------------------------------------
// Type check: validated here, done by the daemon (the web server never loads the TypeScript checker).

export interface EditorWarning {
  line: number;
  column: number;
  message: string;
}

/** Why a type check gave no warnings (see grader/typecheck-pool.ts): over its budget, beyond the checker, too many waiting. */
export const typeCheckNotices = ["too-slow", "too-complex", "busy"] as const;
export interface TypeCheckAnswer {
  warnings: EditorWarning[];
  notice: (typeof typeCheckNotices)[number] | null;
}
export type TypeChecker = (slug: string, source: string) => Promise<TypeCheckAnswer>;

export class GraderUnavailableError extends Error {
  constructor(detail: string) {
    super(`The grading service is not reachable (${detail}); type checking is unavailable right now.`);
    this.name = "GraderUnavailableError";
  }
}

export async function typeCheck(raw: unknown, check: TypeChecker): Promise<ApiResult<TypeCheckAnswer>> {
  const parsed = parseWith(typeCheckSchema, raw);
  if (!parsed.ok) return parsed.result;
  const { slug, source } = parsed.data;
  if (!findExercise(slug)) return unknownExercise(slug);
  const tooLarge = sourceTooLarge(source);
  if (tooLarge) return tooLarge;
  try {
    return ok(await check(slug, source));
  } catch (error) {
    if (error instanceof GraderUnavailableError) return fail(503, "grader-unavailable", error.message, {}, { "retry-after": "5" });
    return fail(502, "typecheck-failed", `The type check failed: ${(error as Error).message}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Exercise list with the learner's progress.

export type ExerciseProgressStatus = "not-started" | "attempted" | "passed";

export interface ExerciseListEntry {
  slug: string;
  topics: string[];
  difficulty: 1 | 2 | 3;
  title: { zh: string; en: string };
  status: ExerciseProgressStatus;
  /** Best score (0–1) of a graded "submit"; null when none. */
  bestScore: number | null;
}

/**
 * passed: some graded "submit" passed every case (hidden ones included). attempted: any run or submit.
 * A passing "run" is not a pass: it only ran the visible cases.
 */
export async function listExercises(db: Db, userId: string): Promise<ApiResult<ExerciseListEntry[]>> {
  const [attempts, graded, passes] = await Promise.all([
    db.submission.groupBy({ by: ["exerciseSlug"], where: { userId }, _count: { _all: true } }),
    db.submission.groupBy({ by: ["exerciseSlug"], where: { userId, kind: "submit", status: "graded" }, _max: { score: true } }),
    db.submission.groupBy({ by: ["exerciseSlug"], where: { userId, kind: "submit", status: "graded", passed: true }, _count: { _all: true } }),
  ]);
  const attempted = new Set(attempts.map((a) => a.exerciseSlug));
  const passed = new Set(passes.map((p) => p.exerciseSlug));
  const best = new Map(graded.map((g) => [g.exerciseSlug, g._max.score]));
  return ok(
    loadCatalog().map(({ meta }) => ({
      slug: meta.slug,
      topics: [...meta.topics],
      difficulty: meta.difficulty,
      title: meta.title,
      status: passed.has(meta.slug) ? "passed" : attempted.has(meta.slug) ? "attempted" : "not-started",
      bestScore: best.get(meta.slug) ?? null,
    })),
  );
}
