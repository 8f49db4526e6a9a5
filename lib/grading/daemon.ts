// The grading daemon: a separate process (scripts/grading-daemon.ts, started by `npm start`) that owns the
// grader pool. It claims queued submissions atomically, grades them, stores the report, and recovers rows a
// dead daemon left "running". The web server only writes queued rows and wakes it over 127.0.0.1 (a UDP
// datagram on the control port's number; POST /wake does the same and answers); in return
// it hears each claim and each stored grade at once from GET /notices (newline-delimited JSON, one long-lived
// response per web process), so its event streams need not poll the status column every 50 ms.
// What follows describes the default work source (rowWorkSource: the rows are the queue, SQLite). On PostgreSQL
// the same daemon takes its work from pg-boss instead (lib/grading/queue/pg-boss.ts): claiming, retries,
// recovery and dead-lettering are the queue's there; grading, storing and the review are the same code.
//
// Several daemons may share a database (claims are atomic). At start and on every poll a daemon re-queues
// "running" rows whose daemon is gone (see isAbandoned: dead pid on this host, or running longer than
// `staleAfterMs` for a daemon elsewhere). Each claim increments gradingAttempts; a row interrupted
// MAX_GRADING_ATTEMPTS times is given up with status "error", so code that crashes the daemon cannot do
// it forever.
//
// No stop loses a grade: stop() stops claiming, lets in-flight grades finish for a grace period, re-queues
// the rest (without counting the attempt) and only then closes the pool. A grade the pool marks `retryable`
// (its worker was killed from outside, the pool was closing) is re-queued, never stored as an error, until
// the attempt limit. A graded submit's grade and its spaced-repetition review commit in one transaction
// (hooks.ts); if that transaction cannot commit, the grade is stored alone and the review is re-done by the
// periodic sweep until it succeeds.
import { randomBytes } from "node:crypto";
import dgram from "node:dgram";
import http from "node:http";
import os from "node:os";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import type { GradeReport, GraderPool, PoolStats } from "../../grader/index";
import { timePhase } from "../../grader/phase-timing";
import { isSqliteDb, withWriteRetry, type Db, type Submission } from "../db";
import { dateFromSqlite, sqliteTimestamp, sqliteValue, transactWithoutBlocking, writeWithoutBlocking } from "../sqlite-write";
import { isRecordingRace, reconcileGradedSubmissions } from "../review/exercise-grades";
import { isKnownItem } from "../review/items";
import { NeedsPrismaError } from "../review/rows";
import { MAX_GRADING_ATTEMPTS, SOURCE_MAX_BYTES, VISIBLE_SEED, WAKE_DATAGRAM } from "./config";
import { afterGradeCommitted, runInGradeTransaction, runInGradeTransactionOnSqlite, type DbTransaction } from "./hooks";
import { SUBMISSION_COLUMN_LIST, submissionFromSqlite, type SqliteSubmissionRow } from "./submission-row";
import { getLogger } from "../observability/log";
import { metricsExposition } from "../observability/metrics";
import { emitGradingEvent } from "./observe";
import { hiddenSeedPool } from "./seeds";

export interface GradingDaemonOptions {
  db: Db;
  pool: GraderPool;
  /** Submissions graded at once: the pool's worker count. */
  concurrency: number;
  /** Control port on 127.0.0.1; 0 picks a free one; null serves no HTTP (the caller wakes it directly). */
  port: number | null;
  /** Fallback poll for queued rows, in ms. */
  pollMs: number;
  /** A "running" row older than this is presumed abandoned and re-queued (default 10 minutes). */
  staleAfterMs?: number;
  /** How long stop() waits for submissions being graded before re-queuing them (default DEFAULT_SHUTDOWN_GRACE_MS). */
  shutdownGraceMs?: number;
  /** stop() closes the pool (default true). */
  ownsPool?: boolean;
  workerId?: string;
  log?: (message: string) => void;
  /**
   * Seeds the pool's workers precompute while idle (default: the visible seed and each exercise's pool of
   * hidden seeds, seeds.ts), so most grades need neither the reference nor the misconceptions; [] warms none.
   */
  warmSeeds?: (slug: string) => number[];
  /**
   * Where the daemon's work comes from (default: the submission rows themselves, `rowWorkSource`, the SQLite
   * path). lib/grading/queue/pg-boss.ts gives a pg-boss queue on PostgreSQL.
   */
  source?: (context: WorkSourceContext) => WorkSource;
}

/** What a work source may know of the daemon that runs it. */
export interface WorkSourceContext {
  db: Db;
  workerId: string;
  log: (message: string) => void;
  staleAfterMs: number;
  isStopping: () => boolean;
  /** Ids of the rows this daemon is grading right now. */
  inFlightIds: () => string[];
}

/** How a claimed row's grade ended, for its source. */
export type GradeEnd = "stored" | "taken" | "failed";

/**
 * The daemon's supply of work: it claims rows (each then "running" with the daemon's workerId), hears how their
 * grades ended, and recovers what dead daemons left. Two implementations: the rows themselves (below, SQLite's
 * default and any database without a queue) and pg-boss jobs (lib/grading/queue/pg-boss.ts).
 */
export interface WorkSource {
  start?(wake: () => void): Promise<void>;
  /** Claims up to `max` submissions for this daemon. */
  claim(max: number): Promise<ClaimedRow[]>;
  /** Inside the transaction that stores the row's outcome (PostgreSQL: tells the web processes). */
  storing?(tx: DbTransaction, id: string, status: "graded" | "error"): Promise<void>;
  /** The grade was stored, the row was no longer this daemon's ("taken"), or storing it failed. */
  ended(row: ClaimedRow, end: GradeEnd): Promise<void>;
  /** A grade that failed for reasons outside the submission: graded again later, or given up (status "error"). */
  retry(row: ClaimedRow, reason: string): Promise<"retrying" | "gave-up" | "gone">;
  /** stop(): claimed rows whose grade did not finish go back to the queue without counting the attempt. */
  release(ids: string[]): Promise<void>;
  /** On start and every poll: work that dead daemons left. */
  recover(): Promise<RecoveryResult>;
  stop?(): Promise<void>;
}

export interface RecoveryResult {
  requeued: number;
  gaveUp: number;
}

export interface GradingDaemonStats {
  workerId: string;
  inFlight: number;
  graded: number;
  errors: number;
  pool: PoolStats;
}

export interface GradingDaemon {
  /** Recovers abandoned rows, starts the control server and the poll; resolves once listening. */
  start(): Promise<{ port: number | null; recovered: RecoveryResult }>;
  /** Looks for queued rows now. */
  wake(): void;
  stats(): GradingDaemonStats;
  /** Stops claiming, waits for in-flight grades (up to the grace period), re-queues the rest, closes the pool. */
  stop(): Promise<void>;
}

/** A daemon's id: host, pid and a random part that tells two lives of one pid apart. */
export function newWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Daemons running in this process (tests run several; a container may give a new daemon an old pid). */
const liveInThisProcess = new Set<string>();

/**
 * Whether a "running" row's daemon is gone: its process no longer exists on this host, or its pid is this
 * process's but it is no daemon running here (an earlier life of a reused pid, a stopped daemon), or its
 * id is not one of ours, or it has run longer than any grade can (the only test for another host's daemon).
 */
export function isAbandoned(
  row: { workerId: string | null; startedAt: Date | null },
  context: { ownWorkerId: string; now: Date; staleAfterMs: number; isPidAlive?: (pid: number) => boolean },
): boolean {
  if (row.workerId === context.ownWorkerId) return false;
  if (!row.startedAt || context.now.getTime() - row.startedAt.getTime() > context.staleAfterMs) return true;
  const match = /^(.*):(\d+):[0-9a-f]+$/.exec(row.workerId ?? "");
  if (!match) return true;
  if (match[1] !== os.hostname()) return false;
  const pid = Number(match[2]);
  if (pid === process.pid) return !liveInThisProcess.has(row.workerId ?? "");
  return !(context.isPidAlive ?? pidAlive)(pid);
}

/** Re-queues "running" rows whose daemon is gone; gives up (status "error") on rows interrupted too often. */
export async function recoverAbandoned(db: Db, context: { ownWorkerId: string; staleAfterMs: number; now?: Date }): Promise<RecoveryResult> {
  const now = context.now ?? new Date();
  const running = await db.submission.findMany({ where: { status: "running" }, select: { id: true, workerId: true, startedAt: true, gradingAttempts: true } });
  const result: RecoveryResult = { requeued: 0, gaveUp: 0 };
  for (const row of running) {
    if (!isAbandoned(row, { ownWorkerId: context.ownWorkerId, now, staleAfterMs: context.staleAfterMs })) continue;
    // Guarded by the workerId read above: a row another daemon claimed meanwhile is left alone.
    const where = { id: row.id, status: "running", workerId: row.workerId };
    if (row.gradingAttempts >= MAX_GRADING_ATTEMPTS) {
      const updated = await db.submission.updateMany({
        where,
        data: {
          status: "error",
          error: `Grading was interrupted ${row.gradingAttempts} times (the grading process stopped while grading this submission), so it was given up. Submit again; if it keeps happening, the code may be crashing the grader.`,
          gradedAt: now,
        },
      });
      result.gaveUp += updated.count;
    } else {
      const updated = await db.submission.updateMany({ where, data: { status: "queued", workerId: null, startedAt: null } });
      result.requeued += updated.count;
    }
  }
  return result;
}

/**
 * stop()'s wait for grades in flight before it re-queues them: well inside the 10 s that `docker stop` and
 * most supervisors allow between SIGTERM and SIGKILL (re-queuing loses nothing but the grading time).
 */
export const DEFAULT_SHUTDOWN_GRACE_MS = 5_000;

/** How often a daemon looks for graded submits without their review when none is known to be missing. */
const SWEEP_EVERY_MS = 60_000;

export const claimSelect = { id: true, exerciseSlug: true, kind: true, source: true, lang: true, seed: true, requestId: true } as const;
export interface ClaimedRow {
  id: string;
  exerciseSlug: string;
  kind: string;
  source: string;
  lang: string;
  seed: number;
  /** The x-request-id of the request that stored it: every log line about its grade carries it. */
  requestId: string | null;
}

/** The row's outcome from the grader's report: "error" only when nothing was the learner's fault. */
export function outcomeOf(report: GradeReport): { status: "graded" | "error"; score: number | null; passed: boolean | null; error: string | null } {
  if (report.status === "error") {
    return { status: "error", score: null, passed: null, error: report.runtimeError?.message ?? "The grader could not grade this submission." };
  }
  return { status: "graded", score: report.score, passed: report.status === "passed", error: null };
}

const typeCheckRequestSchema = z.object({
  slug: z.string().min(1).max(200),
  source: z.string().max(SOURCE_MAX_BYTES * 4),
});

/** POST /grade-visible: a signed-out visitor's run (lib/grading/guest.ts), graded at once and stored nowhere. */
export const visibleGradeRequestSchema = typeCheckRequestSchema.extend({ lang: z.enum(["en", "zh"]) });

/**
 * Visible-case grades the control port runs at once beside the queue's (per worker): more answer 503 "busy", so
 * visitors from many addresses cannot queue up work ahead of the learners' submissions without bound.
 */
export const VISIBLE_GRADES_PER_WORKER = 2;

/**
 * The default work source: the submission rows are the queue. Claims the oldest queued rows (on SQLite in one
 * `UPDATE … RETURNING`, claimOnSqlite; elsewhere with `UPDATE … WHERE id = ? AND status = 'queued'` per row),
 * re-queues rows whose daemon is gone (recoverAbandoned) and own rows whose grade could not be stored, and gives a
 * row up after MAX_GRADING_ATTEMPTS.
 */
export function rowWorkSource(context: WorkSourceContext): WorkSource {
  const { db, workerId, log, staleAfterMs } = context;

  async function claimOne(id: string): Promise<boolean> {
    // The WHERE on status makes the claim atomic: of two daemons racing for a row, one updates it.
    const result = await db.submission.updateMany({
      where: { id, status: "queued" },
      data: { status: "running", startedAt: new Date(), workerId, gradingAttempts: { increment: 1 } },
    });
    return result.count === 1;
  }

  async function release(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    // Interrupted by our own shutdown: not the submission's fault, so the attempt is not counted.
    await withWriteRetry(() =>
      db.submission.updateMany({
        where: { id: { in: ids }, status: "running", workerId },
        data: { status: "queued", workerId: null, startedAt: null, gradingAttempts: { decrement: 1 } },
      }),
    );
  }

  /** Own "running" rows no grade is working on (storing their grade failed): queued again. */
  async function requeueOrphans(): Promise<void> {
    const claimedBefore = new Date(Date.now() - 60_000);
    const updated = await db.submission.updateMany({
      where: { status: "running", workerId, startedAt: { lt: claimedBefore }, id: { notIn: context.inFlightIds() } },
      data: { status: "queued", workerId: null, startedAt: null },
    });
    if (updated.count) log(`re-queued ${updated.count} submission(s) whose grade could not be stored`);
  }

  return {
    async claim(max) {
      if (isSqliteDb(db)) return claimOnSqlite(db, workerId, max);
      const candidates: ClaimedRow[] = await db.submission.findMany({
        where: { status: "queued" },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: max,
        select: claimSelect,
      });
      const claimed: ClaimedRow[] = [];
      for (const row of candidates) {
        if (context.isStopping()) break;
        if (await claimOne(row.id)) claimed.push(row);
      }
      return claimed; // none claimed: another daemon took them; the next wake or poll looks again
    },

    async ended() {
      // Nothing to acknowledge: the row's status is the queue. A row whose grade could not be stored stays
      // "running" with this daemon's id until requeueOrphans finds it.
    },

    async retry(row, reason) {
      const where = { id: row.id, status: "running", workerId };
      const current = await db.submission.findFirst({ where, select: { gradingAttempts: true } });
      if (!current) return "gone";
      if (current.gradingAttempts < MAX_GRADING_ATTEMPTS) {
        log(`submission ${row.id}: ${reason}; queued again (attempt ${current.gradingAttempts} of ${MAX_GRADING_ATTEMPTS})`);
        await withWriteRetry(() => db.submission.updateMany({ where, data: { status: "queued", workerId: null, startedAt: null } }));
        return "retrying";
      }
      await withWriteRetry(() =>
        db.submission.updateMany({ where, data: { status: "error", error: givenUpMessage(current.gradingAttempts, reason), gradedAt: new Date() } }),
      );
      return "gave-up";
    },

    release,

    async recover() {
      const recovered = await recoverAbandoned(db, { ownWorkerId: workerId, staleAfterMs });
      await requeueOrphans();
      return recovered;
    },
  };
}

/**
 * The claim of the oldest `max` queued rows. `max` is written into the SQL, not bound: SQLite's planner reads a
 * bound LIMIT's value, so a statement with `LIMIT ?` is compiled again on every run (`sqlite3Reprepare`: 5 % of the
 * daemon's CPU under bench:web's load, and twice the statement's CPU alone). `max` is at most the daemon's
 * concurrency, so the side connection keeps a handful of these texts prepared.
 */
function claimOnSqliteSql(max: number): string {
  if (!Number.isSafeInteger(max) || max < 1) throw new RangeError(`a claim takes a whole number of rows ≥ 1, not ${max}`);
  return `
  UPDATE "Submission" SET "status" = 'running', "startedAt" = ?, "workerId" = ?, "gradingAttempts" = "gradingAttempts" + 1
  WHERE "id" IN (SELECT "id" FROM "Submission" WHERE "status" = 'queued' ORDER BY "createdAt", "id" LIMIT ${max})
  RETURNING "id", "exerciseSlug", "kind", "source", "lang", "seed", "requestId", "createdAt"`;
}

/**
 * SQLite: the oldest `max` queued rows claimed in ONE statement, atomic by itself (a second daemon's claim sees
 * them running), on the process's side connection, so a daemon waiting for the web's insert keeps storing the
 * grades it has (lib/sqlite-write.ts). Instead of a read and an UPDATE per row through Prisma: ~3 queries per
 * submission of the daemon's CPU (issue 16).
 */
async function claimOnSqlite(db: Db, workerId: string, max: number): Promise<ClaimedRow[]> {
  const rows = await writeWithoutBlocking(db, (prepare) => prepare(claimOnSqliteSql(max)).all(sqliteTimestamp(new Date()), workerId) as (ClaimedRow & { createdAt: string })[]);
  // RETURNING's order is unspecified: the oldest first, as queued.
  return rows
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id, exerciseSlug, kind, source, lang, seed, requestId }) => ({ id, exerciseSlug, kind, source, lang, seed, requestId }));
}

/** What the daemon needs of a stored grade: the times and attempt it reports, and the whole row when hooks run with it. */
interface StoredGrade {
  createdAt: Date;
  startedAt: Date | null;
  gradingAttempts: number;
  /** The stored row; null when it was stored without reading it back (nothing runs with it). */
  submission: Submission | null;
}

/** A grade's conditional store: the row only while it is this daemon's "running" one. */
const STORE_GRADE_SQL = `
  UPDATE "Submission" SET "status" = ?, "score" = ?, "passed" = ?, "error" = ?, "report" = ?, "gradedAt" = ?
  WHERE "id" = ? AND "status" = 'running' AND "workerId" = ?`;
const STORE_ON_SQLITE_SQL = `${STORE_GRADE_SQL} RETURNING "createdAt", "startedAt", "gradingAttempts"`;

/** What a grade stores in its row. */
interface GradeOutcome {
  status: "graded" | "error";
  score: number | null;
  passed: boolean | null;
  error: string | null;
  report: string | null;
}

/** STORE_GRADE_SQL's parameters. */
function storeGradeParameters(id: string, workerId: string, data: GradeOutcome): unknown[] {
  return [data.status, data.score, sqliteValue(data.passed), data.error, data.report, sqliteValue(new Date()), id, workerId];
}

/**
 * SQLite: a grade that records nothing with it, stored in one conditional statement on the process's side
 * connection; null when the row is no longer this daemon's. Through Prisma the same UPDATE … RETURNING cost
 * 0.53–0.63 ms of CPU against 0.11–0.14 ms (issue 16), and read back the whole row, its code and report included.
 */
async function storeOnSqlite(db: Db, id: string, workerId: string, data: GradeOutcome): Promise<StoredGrade | null> {
  const [saved] = await writeWithoutBlocking(
    db,
    (prepare) =>
      prepare(STORE_ON_SQLITE_SQL).all(...storeGradeParameters(id, workerId, data)) as {
        createdAt: string;
        startedAt: string | null;
        gradingAttempts: number;
      }[],
  );
  if (!saved) return null;
  return { createdAt: dateFromSqlite(saved.createdAt), startedAt: dateFromSqlite(saved.startedAt), gradingAttempts: saved.gradingAttempts, submission: null };
}

const STORE_GRADED_ON_SQLITE_SQL = `${STORE_GRADE_SQL} RETURNING ${SUBMISSION_COLUMN_LIST}`;

/** storeGradedSubmitOnSqlite's answer when a transactional listener needs Prisma's transaction for this grade. */
const NEEDS_PRISMA = Symbol("needs Prisma's transaction");

/**
 * SQLite: a graded submit's grade and the transactional listeners' writes (its review) in one synchronous
 * transaction on the process's side connection (hooks.ts `runInGradeTransactionOnSqlite`). Null when the row is no
 * longer this daemon's; NEEDS_PRISMA, with nothing written, when a listener cannot record this grade there.
 */
async function storeGradedSubmitOnSqlite(db: Db, id: string, workerId: string, data: GradeOutcome): Promise<StoredGrade | null | typeof NEEDS_PRISMA> {
  try {
    return await transactWithoutBlocking(db, (prepare) => {
      const row = prepare(STORE_GRADED_ON_SQLITE_SQL).get(...storeGradeParameters(id, workerId, data)) as SqliteSubmissionRow | undefined;
      if (!row) return null;
      const submission = submissionFromSqlite(row);
      runInGradeTransactionOnSqlite(prepare, submission);
      return { createdAt: submission.createdAt, startedAt: submission.startedAt, gradingAttempts: submission.gradingAttempts, submission };
    });
  } catch (error) {
    if (error instanceof NeedsPrismaError) return NEEDS_PRISMA;
    throw error;
  }
}

/** The row's error when grading failed `attempts` times for reasons outside the submission. */
export function givenUpMessage(attempts: number, reason: string): string {
  return `Grading failed ${attempts} times for reasons outside this submission (${reason}), so it was given up. Submit again; if it keeps happening, tell the operator.`;
}

/**
 * The web process's wake-ups (lib/grading/client.ts signalDaemon): UDP datagrams to 127.0.0.1 on the control
 * port's number. Null when that UDP port is taken: POST /wake and the poll still wake the daemon.
 */
async function listenForWakeDatagrams(port: number, wake: () => void, log: (message: string) => void): Promise<dgram.Socket | null> {
  const socket = dgram.createSocket("udp4");
  socket.on("message", (message) => {
    if (message.toString() === WAKE_DATAGRAM) wake();
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once("error", reject);
      socket.bind(port, "127.0.0.1", () => resolve());
    });
  } catch (error) {
    log(`UDP port ${port} on 127.0.0.1 is taken (${error instanceof Error ? error.message : String(error)}): wake-ups come over HTTP and the poll only`);
    socket.close();
    return null;
  }
  // A receive error (none is expected on loopback) must not end the daemon: the poll covers what it lost.
  socket.on("error", (error) => log(`wake-up datagrams: ${error.message}`));
  return socket;
}

export function createGradingDaemon(options: GradingDaemonOptions): GradingDaemon {
  const { db, pool } = options;
  const concurrency = Math.max(1, options.concurrency);
  const workerId = options.workerId ?? newWorkerId();
  const log = options.log ?? ((message: string) => getLogger().info(message));
  const staleAfterMs = options.staleAfterMs ?? 10 * 60_000;
  const inFlight = new Map<string, Promise<void>>();
  const hookTasks = new Set<Promise<void>>();
  let graded = 0;
  let errors = 0;
  let pumping = false;
  let pumpAgain = false;
  let stopping = false;
  let pollTimer: NodeJS.Timeout | null = null;
  let reviewsPending = true; // sweep once at start: a daemon that died between grade and review left some
  let lastSweep = 0;
  let server: http.Server | null = null;
  let wakeSocket: dgram.Socket | null = null;
  let visibleGrades = 0;
  /** The open GET /notices responses: the web processes following status changes. */
  const noticeStreams = new Set<http.ServerResponse>();
  const source = (options.source ?? rowWorkSource)({
    db,
    workerId,
    log,
    staleAfterMs,
    isStopping: () => stopping,
    inFlightIds: () => [...inFlight.keys()],
  });

  /**
   * Tells the web processes that follow GET /notices that a row's status changed (after the change committed:
   * a web process that reads the row then sees it). A notice lost on the way only delays the stream until the
   * web process's safety poll.
   */
  function notice(id: string, status: "queued" | "running" | "graded" | "error"): void {
    if (noticeStreams.size === 0) return;
    const line = `${JSON.stringify({ id, status })}\n`;
    for (const stream of noticeStreams) stream.write(line);
  }

  /** A grade that failed for reasons outside the submission (report.retryable): graded again, never an error. */
  async function retryLater(row: ClaimedRow, report: GradeReport): Promise<void> {
    if (stopping) return source.release([row.id]);
    const reason = report.runtimeError?.message ?? "the grading worker stopped";
    const outcome = await source.retry(row, reason);
    if (outcome !== "gone") notice(row.id, outcome === "gave-up" ? "error" : "queued");
    emitGradingEvent({ type: outcome === "gave-up" ? "given-up" : "retry", submissionId: row.id, requestId: row.requestId, kind: row.kind, reason });
    if (outcome === "gave-up") errors += 1;
  }

  /**
   * Stores the grade and, for a graded submit, runs the transactional listeners (its review) in the same
   * transaction, repeated while it loses a race (anything else, on the rows' own queue: one statement). Null
   * when the row is no longer this daemon's: the update is conditional on the row being this daemon's
   * "running" one, so a grade delivered twice is stored once and its review (keyed by the submission id)
   * recorded once. On SQLite a graded submit is stored with its review in one synchronous transaction on the
   * side connection (storeGradedSubmitOnSqlite) unless a listener needs Prisma's transaction for it.
   */
  async function store(row: ClaimedRow, data: GradeOutcome): Promise<StoredGrade | null> {
    const mine = { id: row.id, status: "running", workerId };
    if (!source.storing && !(row.kind === "submit" && data.status === "graded")) {
      // Nothing to record with it (a run, an errored grade) and no queue to tell: one conditional UPDATE …
      // RETURNING, atomic by itself, instead of an interactive transaction (BEGIN, update, read, COMMIT).
      if (isSqliteDb(db)) return withWriteRetry(() => storeOnSqlite(db, row.id, workerId, data));
      const [saved] = await withWriteRetry(() => db.submission.updateManyAndReturn({ where: mine, data: { ...data, gradedAt: new Date() } }));
      return saved ? { ...saved, submission: saved } : null;
    }
    if (!source.storing && isSqliteDb(db)) {
      // A graded submit on SQLite: the grade and its review in one synchronous transaction on the side connection,
      // unless this one needs Prisma (a grade older than its card's last review: the card's history is rewritten).
      let stored: Awaited<ReturnType<typeof storeGradedSubmitOnSqlite>>;
      try {
        stored = await withWriteRetry(() => storeGradedSubmitOnSqlite(db, row.id, workerId, data));
      } catch (error) {
        // Rolled back, nothing written: the general path below stores it (and, should its listeners fail too,
        // the grade alone).
        log(`storing the grade of ${row.id} with its review on SQLite failed (${error instanceof Error ? error.message : String(error)}); storing it through Prisma`);
        stored = NEEDS_PRISMA;
      }
      if (stored !== NEEDS_PRISMA) return stored;
    }
    /** The stored row, or null when it is no longer this daemon's. One UPDATE … RETURNING, not an update and a read. */
    const save = async (tx: DbTransaction): Promise<Submission | null> => {
      const [saved] = await tx.submission.updateManyAndReturn({ where: mine, data: { ...data, gradedAt: new Date() } });
      if (saved) await source.storing?.(tx, row.id, data.status);
      return saved ?? null;
    };
    let saved: Submission | null;
    try {
      saved = await withWriteRetry(
        () =>
          db.$transaction(async (tx) => {
            const submission = await save(tx);
            if (submission?.kind === "submit" && submission.status === "graded") await runInGradeTransaction(tx, submission);
            return submission;
          }),
        { attempts: 8, retryOn: isRecordingRace },
      );
    } catch (error) {
      // The listeners keep failing: the grade must not be lost for them. Store it alone; the sweep re-does them.
      log(`recording the review of ${row.id} with its grade failed (${error instanceof Error ? error.message : String(error)}); storing the grade alone`);
      reviewsPending = true;
      saved = await withWriteRetry(() => db.$transaction(save));
    }
    return saved ? { ...saved, submission: saved } : null;
  }

  async function grade(row: ClaimedRow): Promise<void> {
    const mode = row.kind === "submit" ? "all" : "visible";
    const startedAt = Date.now();
    let data: GradeOutcome;
    let report: GradeReport | null = null;
    try {
      report = await pool.grade({ slug: row.exerciseSlug, source: row.source, seed: row.seed, lang: row.lang === "zh" ? "zh" : "en", mode });
      // While stopping, a worker killed by the same signal (a whole process group stopped) is no fault either.
      if (report.retryable || (stopping && report.status === "error")) return await retryLater(row, report);
      data = { ...outcomeOf(report), report: JSON.stringify(report) };
    } catch (error) {
      data = { status: "error", score: null, passed: null, error: `The grader failed: ${error instanceof Error ? error.message : String(error)}`, report: null };
    }
    let saved: StoredGrade | null;
    try {
      saved = await timePhase("daemon.store", () => store(row, data));
    } catch (error) {
      await source.ended(row, "failed").catch(() => undefined);
      throw error;
    }
    await source.ended(row, saved ? "stored" : "taken");
    if (!saved) {
      log(`submission ${row.id} was taken from this daemon while grading (re-queued as stale?); result dropped`);
      return;
    }
    notice(row.id, data.status);
    if (data.status === "graded") graded += 1;
    else errors += 1;
    emitGradingEvent({
      type: "stored",
      submissionId: row.id,
      requestId: row.requestId,
      kind: row.kind,
      status: data.status,
      report,
      waitMs: saved.startedAt ? Math.max(0, saved.startedAt.getTime() - saved.createdAt.getTime()) : null,
      gradeMs: Date.now() - startedAt,
      attempt: saved.gradingAttempts,
    });
    if (saved.submission?.kind === "submit" && saved.submission.status === "graded") runHooks(saved.submission);
  }

  /** The after-commit listeners run after the worker slot is freed, so they never delay the next grade. */
  function runHooks(submission: Submission): void {
    const task = timePhase("daemon.hooks", () => afterGradeCommitted(db, submission, (message) => log(message)))
      .then(() => undefined)
      .finally(() => hookTasks.delete(task));
    hookTasks.add(task);
  }

  /**
   * Re-does the reviews of graded submits stored without one (their transaction could not commit): the
   * learners' graded submits of the last day that have no review log, recorded in time order.
   */
  async function sweepReviews(): Promise<void> {
    const since = new Date(Date.now() - 24 * 60 * 60_000);
    const missing = await db.$queryRaw<{ userId: string; exerciseSlug: string }[]>`
      SELECT s."userId", s."exerciseSlug" FROM "Submission" s
      WHERE s."kind" = 'submit' AND s."status" = 'graded' AND s."gradedAt" > ${since}
        AND NOT EXISTS (SELECT 1 FROM "SrsReviewLog" l WHERE l."id" = 'submission-' || s."id")
      LIMIT 200`;
    const users = new Set(missing.filter((m) => isKnownItem({ itemType: "exercise", itemId: m.exerciseSlug })).map((m) => m.userId));
    let recorded = 0;
    for (const userId of users) recorded += await reconcileGradedSubmissions(db, userId);
    if (recorded) log(`recorded ${recorded} review(s) of graded submissions that had none`);
    reviewsPending = false; // one that still fails is tried again by the next periodic sweep
  }

  function launch(row: ClaimedRow): void {
    const task = grade(row)
      .catch((error: unknown) => log(`storing the grade of ${row.id} failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        inFlight.delete(row.id);
        pump();
      });
    inFlight.set(row.id, task);
  }

  async function fill(): Promise<void> {
    while (!stopping && inFlight.size < concurrency) {
      const wanted = concurrency - inFlight.size;
      const claimed = await timePhase("daemon.claim", () => source.claim(wanted));
      if (claimed.length === 0) return;
      for (const row of claimed) {
        // Claimed while stopping: straight back to the queue.
        if (stopping) await source.release([row.id]);
        else {
          notice(row.id, "running");
          launch(row);
        }
      }
      // Fewer than asked: the queue held no more when it was read. Looking again at once would cost a query per
      // pump that finds nothing; a row queued since then comes with its own wake, which sets pumpAgain.
      if (claimed.length < wanted) return;
    }
  }

  function pump(): void {
    if (stopping) return;
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    void (async () => {
      try {
        do {
          pumpAgain = false;
          await fill();
        } while (pumpAgain && !stopping);
      } catch (error) {
        log(`looking for queued submissions failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        pumping = false;
      }
    })();
  }

  async function poll(): Promise<void> {
    try {
      const recovered = await source.recover();
      if (recovered.requeued || recovered.gaveUp) log(`abandoned rows: re-queued ${recovered.requeued}, gave up ${recovered.gaveUp}`);
    } catch (error) {
      log(`recovering stale rows failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Every poll while some review is known to be missing, else every SWEEP_EVERY_MS.
    if (reviewsPending || Date.now() - lastSweep > SWEEP_EVERY_MS) {
      lastSweep = Date.now();
      await sweepReviews().catch((error: unknown) => log(`recording missing reviews failed: ${error instanceof Error ? error.message : String(error)}`));
    }
    pump();
  }

  function send(res: http.ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }

  async function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
    let size = 0;
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > limit) return null;
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString("utf8");
  }

  /** The request's JSON body checked with `schema`, or null after answering 413/400. */
  async function readRequest<T extends z.ZodType>(req: http.IncomingMessage, res: http.ServerResponse, schema: T): Promise<z.output<T> | null> {
    const text = await readBody(req, SOURCE_MAX_BYTES * 8);
    if (text === null) return (send(res, 413, { error: "request too large" }), null);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return (send(res, 400, { error: "the body is not JSON" }), null);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return (send(res, 400, { error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") }), null);
    return parsed.data;
  }

  async function gradeVisible(request: z.output<typeof visibleGradeRequestSchema>): Promise<GradeReport> {
    const job = { ...request, seed: VISIBLE_SEED, mode: "visible" as const };
    const report = await pool.grade(job);
    // A worker killed from outside is no fault of the code: once more on a fresh worker, as queued rows get.
    return report.retryable && !stopping ? pool.grade(job) : report;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = req.url ?? "/";
    if (req.method === "POST" && url === "/wake") {
      req.resume();
      pump();
      return send(res, 202, { ok: true });
    }
    if (req.method === "GET" && url === "/notices") {
      req.resume();
      res.writeHead(200, { "content-type": "application/x-ndjson", "cache-control": "no-store" });
      res.flushHeaders();
      noticeStreams.add(res);
      res.on("close", () => noticeStreams.delete(res));
      return;
    }
    if (req.method === "GET" && url === "/health") return send(res, 200, stats());
    if (req.method === "GET" && url === "/metrics") {
      const { contentType, body } = await metricsExposition();
      res.writeHead(200, { "content-type": contentType });
      return void res.end(body);
    }
    if (req.method === "POST" && url === "/typecheck") {
      const request = await readRequest(req, res, typeCheckRequestSchema);
      if (!request) return;
      try {
        return send(res, 200, await pool.typeCheck(request.slug, request.source));
      } catch (error) {
        return send(res, 500, { error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (req.method === "POST" && url === "/grade-visible") {
      const request = await readRequest(req, res, visibleGradeRequestSchema);
      if (!request) return;
      if (stopping || visibleGrades >= concurrency * VISIBLE_GRADES_PER_WORKER) return send(res, 503, { error: "busy" });
      visibleGrades += 1;
      try {
        return send(res, 200, await gradeVisible(request));
      } catch (error) {
        return send(res, 500, { error: error instanceof Error ? error.message : String(error) });
      } finally {
        visibleGrades -= 1;
      }
    }
    req.resume();
    send(res, 404, { error: `no route ${req.method} ${url}` });
  }

  function stats(): GradingDaemonStats {
    return { workerId, inFlight: inFlight.size, graded, errors, pool: pool.stats() };
  }

  return {
    async start() {
      liveInThisProcess.add(workerId);
      await source.start?.(pump);
      const recovered = await source.recover();
      if (recovered.requeued || recovered.gaveUp) log(`recovered rows left running: re-queued ${recovered.requeued}, gave up ${recovered.gaveUp}`);
      let port: number | null = null;
      if (options.port !== null) {
        const listening = http.createServer((req, res) => {
          handle(req, res).catch((error: unknown) => {
            if (!res.headersSent) send(res, 500, { error: error instanceof Error ? error.message : String(error) });
          });
        });
        await new Promise<void>((resolve, reject) => {
          listening.once("error", (error: NodeJS.ErrnoException) =>
            reject(
              error.code === "EADDRINUSE"
                ? new Error(`port ${options.port} on 127.0.0.1 is in use: is another grading daemon running? Set LACUNA_GRADER_PORT to another port.`)
                : error,
            ),
          );
          listening.listen(options.port ?? 0, "127.0.0.1", () => resolve());
        });
        server = listening;
        port = (listening.address() as AddressInfo).port;
        wakeSocket = await listenForWakeDatagrams(port, pump, log);
      }
      pool.prewarm?.(options.warmSeeds ?? ((slug) => [VISIBLE_SEED, ...hiddenSeedPool(slug)]));
      pollTimer = setInterval(() => void poll(), options.pollMs);
      pollTimer.unref();
      pump();
      return { port, recovered };
    },

    wake: pump,
    stats,

    async stop() {
      if (stopping) return;
      stopping = true;
      if (pollTimer) clearInterval(pollTimer);
      wakeSocket?.close();
      const closing = server ? new Promise<void>((resolve) => server!.close(() => resolve())) : Promise.resolve();
      server?.closeAllConnections();
      const grace = new Promise<void>((resolve) => setTimeout(resolve, options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS).unref());
      await Promise.race([Promise.all([...inFlight.values()]), grace]);
      await Promise.race([Promise.all([...hookTasks]), grace]);
      const unfinished = [...inFlight.keys()];
      await source.release(unfinished);
      liveInThisProcess.delete(workerId);
      if (options.ownsPool ?? true) await pool.close();
      // The grades the closing pool cut short see `stopping` and leave their rows queued; let them settle
      // before the caller disconnects the database.
      await Promise.race([Promise.all([...inFlight.values()]), new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref())]);
      await closing;
      await source.stop?.();
      if (unfinished.length) log(`stopped with ${unfinished.length} submission(s) re-queued`);
    },
  };
}
