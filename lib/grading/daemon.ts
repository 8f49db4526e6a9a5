// The grading daemon: a separate process (scripts/grading-daemon.ts, started by `npm start`) that owns the
// grader pool. It claims queued submissions atomically, grades them, stores the report, and recovers rows a
// dead daemon left "running". The web server only writes queued rows and wakes it over 127.0.0.1.
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
import http from "node:http";
import os from "node:os";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import type { GradeReport, GraderPool, PoolStats } from "../../grader/index";
import { withWriteRetry, type Db, type Submission } from "../db";
import { isRecordingRace, reconcileGradedSubmissions } from "../review/exercise-grades";
import { isKnownItem } from "../review/items";
import { MAX_GRADING_ATTEMPTS, SOURCE_MAX_BYTES, VISIBLE_SEED } from "./config";
import { afterGradeCommitted, runInGradeTransaction } from "./hooks";
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

const claimSelect = { id: true, exerciseSlug: true, kind: true, source: true, lang: true, seed: true } as const;
interface ClaimedRow {
  id: string;
  exerciseSlug: string;
  kind: string;
  source: string;
  lang: string;
  seed: number;
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

export function createGradingDaemon(options: GradingDaemonOptions): GradingDaemon {
  const { db, pool } = options;
  const concurrency = Math.max(1, options.concurrency);
  const workerId = options.workerId ?? newWorkerId();
  const log = options.log ?? ((message: string) => console.log(`[grader] ${message}`));
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

  async function claim(id: string): Promise<boolean> {
    // The WHERE on status makes the claim atomic: of two daemons racing for a row, one updates it.
    const result = await db.submission.updateMany({
      where: { id, status: "queued" },
      data: { status: "running", startedAt: new Date(), workerId, gradingAttempts: { increment: 1 } },
    });
    return result.count === 1;
  }

  async function requeueOwn(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    // Interrupted by our own shutdown: not the submission's fault, so the attempt is not counted.
    await withWriteRetry(() =>
      db.submission.updateMany({
        where: { id: { in: ids }, status: "running", workerId },
        data: { status: "queued", workerId: null, startedAt: null, gradingAttempts: { decrement: 1 } },
      }),
    );
  }

  /** A grade that failed for reasons outside the submission (report.retryable): queued again, never an error. */
  async function retryLater(row: ClaimedRow, report: GradeReport): Promise<void> {
    if (stopping) return requeueOwn([row.id]);
    const where = { id: row.id, status: "running", workerId };
    const current = await db.submission.findFirst({ where, select: { gradingAttempts: true } });
    if (!current) return;
    const reason = report.runtimeError?.message ?? "the grading worker stopped";
    if (current.gradingAttempts < MAX_GRADING_ATTEMPTS) {
      log(`submission ${row.id}: ${reason}; queued again (attempt ${current.gradingAttempts} of ${MAX_GRADING_ATTEMPTS})`);
      await withWriteRetry(() => db.submission.updateMany({ where, data: { status: "queued", workerId: null, startedAt: null } }));
      return;
    }
    errors += 1;
    await withWriteRetry(() =>
      db.submission.updateMany({
        where,
        data: {
          status: "error",
          error: `Grading failed ${current.gradingAttempts} times for reasons outside this submission (${reason}), so it was given up. Submit again; if it keeps happening, tell the operator.`,
          gradedAt: new Date(),
        },
      }),
    );
  }

  type Outcome = { status: "graded" | "error"; score: number | null; passed: boolean | null; error: string | null; report: string | null };

  /**
   * Stores the grade and, for a graded submit, runs the transactional listeners (its review) in the same
   * transaction, repeated while it loses a race. Null when the row is no longer this daemon's.
   */
  async function store(row: ClaimedRow, data: Outcome): Promise<Submission | null> {
    const save = (tx: Parameters<Parameters<Db["$transaction"]>[0]>[0]) =>
      tx.submission.updateMany({ where: { id: row.id, status: "running", workerId }, data: { ...data, gradedAt: new Date() } });
    try {
      return await withWriteRetry(
        () =>
          db.$transaction(async (tx) => {
            if ((await save(tx)).count !== 1) return null;
            const submission = await tx.submission.findUniqueOrThrow({ where: { id: row.id } });
            if (submission.kind === "submit" && submission.status === "graded") await runInGradeTransaction(tx, submission);
            return submission;
          }),
        { attempts: 8, retryOn: isRecordingRace },
      );
    } catch (error) {
      // The listeners keep failing: the grade must not be lost for them. Store it alone; the sweep re-does them.
      log(`recording the review of ${row.id} with its grade failed (${error instanceof Error ? error.message : String(error)}); storing the grade alone`);
      reviewsPending = true;
      return withWriteRetry(() =>
        db.$transaction(async (tx) => ((await save(tx)).count === 1 ? tx.submission.findUniqueOrThrow({ where: { id: row.id } }) : null)),
      );
    }
  }

  async function grade(row: ClaimedRow): Promise<void> {
    const mode = row.kind === "submit" ? "all" : "visible";
    let data: Outcome;
    try {
      const report = await pool.grade({ slug: row.exerciseSlug, source: row.source, seed: row.seed, lang: row.lang === "zh" ? "zh" : "en", mode });
      // While stopping, a worker killed by the same signal (a whole process group stopped) is no fault either.
      if (report.retryable || (stopping && report.status === "error")) return await retryLater(row, report);
      data = { ...outcomeOf(report), report: JSON.stringify(report) };
    } catch (error) {
      data = { status: "error", score: null, passed: null, error: `The grader failed: ${error instanceof Error ? error.message : String(error)}`, report: null };
    }
    const saved = await store(row, data);
    if (!saved) {
      log(`submission ${row.id} was taken from this daemon while grading (re-queued as stale?); result dropped`);
      return;
    }
    if (data.status === "graded") graded += 1;
    else errors += 1;
    if (row.kind === "submit" && data.status === "graded") runHooks(saved);
  }

  /** The after-commit listeners run after the worker slot is freed, so they never delay the next grade. */
  function runHooks(submission: Submission): void {
    const task = afterGradeCommitted(db, submission, (message) => log(message))
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

  /** Own "running" rows no grade is working on (storing their grade failed): queued again. */
  async function requeueOrphans(): Promise<void> {
    const claimedBefore = new Date(Date.now() - 60_000);
    const updated = await db.submission.updateMany({
      where: { status: "running", workerId, startedAt: { lt: claimedBefore }, id: { notIn: [...inFlight.keys()] } },
      data: { status: "queued", workerId: null, startedAt: null },
    });
    if (updated.count) log(`re-queued ${updated.count} submission(s) whose grade could not be stored`);
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
      const candidates: ClaimedRow[] = await db.submission.findMany({
        where: { status: "queued" },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: concurrency - inFlight.size,
        select: claimSelect,
      });
      if (candidates.length === 0) return;
      let claimedAny = false;
      for (const row of candidates) {
        if (stopping || inFlight.size >= concurrency) return;
        if (await claim(row.id)) {
          claimedAny = true;
          launch(row);
        }
      }
      if (!claimedAny) return; // another daemon took them; the next wake or poll looks again
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
      const recovered = await recoverAbandoned(db, { ownWorkerId: workerId, staleAfterMs });
      if (recovered.requeued || recovered.gaveUp) log(`abandoned rows: re-queued ${recovered.requeued}, gave up ${recovered.gaveUp}`);
      await requeueOrphans();
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

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = req.url ?? "/";
    if (req.method === "POST" && url === "/wake") {
      req.resume();
      pump();
      return send(res, 202, { ok: true });
    }
    if (req.method === "GET" && url === "/health") return send(res, 200, stats());
    if (req.method === "POST" && url === "/typecheck") {
      const text = await readBody(req, SOURCE_MAX_BYTES * 8);
      if (text === null) return send(res, 413, { error: "request too large" });
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        return send(res, 400, { error: "the body is not JSON" });
      }
      const parsed = typeCheckRequestSchema.safeParse(raw);
      if (!parsed.success) return send(res, 400, { error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
      try {
        return send(res, 200, await pool.typeCheck(parsed.data.slug, parsed.data.source));
      } catch (error) {
        return send(res, 500, { error: error instanceof Error ? error.message : String(error) });
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
      const recovered = await recoverAbandoned(db, { ownWorkerId: workerId, staleAfterMs });
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
      const closing = server ? new Promise<void>((resolve) => server!.close(() => resolve())) : Promise.resolve();
      server?.closeAllConnections();
      const grace = new Promise<void>((resolve) => setTimeout(resolve, options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS).unref());
      await Promise.race([Promise.all([...inFlight.values()]), grace]);
      await Promise.race([Promise.all([...hookTasks]), grace]);
      const unfinished = [...inFlight.keys()];
      await requeueOwn(unfinished);
      liveInThisProcess.delete(workerId);
      if (options.ownsPool ?? true) await pool.close();
      // The grades the closing pool cut short see `stopping` and leave their rows queued; let them settle
      // before the caller disconnects the database.
      await Promise.race([Promise.all([...inFlight.values()]), new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref())]);
      await closing;
      if (unfinished.length) log(`stopped with ${unfinished.length} submission(s) re-queued`);
    },
  };
}
