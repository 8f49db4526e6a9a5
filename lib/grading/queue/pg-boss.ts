// The grading queue on PostgreSQL: pg-boss 10 (jobs in the `pgboss` schema of the app's own database).
//
// - Enqueue: the web process inserts the job with pg-boss's own SQL through the SAME Prisma transaction that
//   inserts the submission row (`send(…, { db })` with an executor over `tx.$queryRawUnsafe`), so a row without
//   its job or a job without its row cannot exist; the same transaction NOTIFYs the workers, which fetch at once.
// - Workers (`npm run worker`, any number, any machine): the grading daemon with a pg-boss work source. A fetched
//   job claims its row (queued, or running for a delivery whose worker died); the grade is stored under
//   `WHERE status = 'running' AND workerId = me`, so a job delivered twice is stored once and its review recorded
//   once (SrsReviewLog's id is 'submission-' + the submission id). Failures outside the submission fail the job:
//   pg-boss retries it with exponential backoff up to LACUNA_QUEUE_RETRY_LIMIT, then dead-letters it
//   (queue `lacuna-grading-dead`; the row gets status "error" with the reason). A worker killed outright holds
//   its jobs until they expire (LACUNA_QUEUE_EXPIRE_S), then pg-boss's maintenance retries them.
// - Push: storing a grade NOTIFYs `lacuna_submission_status` {id, status} in the grade's transaction (delivered
//   at commit); every web process holds one LISTEN connection and fans out to its open event streams.
import PgBoss from "pg-boss";
import type { Db } from "../../db";
import { getLogger } from "../../observability/log";
import { readStatuses, StatusListeners, type StatusFeed, type StatusListener } from "../events";
import type { GradingConfig } from "../config";
import { claimSelect, createGradingDaemon, givenUpMessage, type ClaimedRow, type WorkSource, type WorkSourceContext } from "../daemon";
import type { DbTransaction } from "../hooks";
import type { SubmissionStatus } from "../service";
import { listen, type ListenConnection } from "./pg-listen";
import type { GradingQueue, QueueDepth } from "./types";

export const GRADING_QUEUE = "lacuna-grading";
export const DEAD_LETTER_QUEUE = "lacuna-grading-dead";
/** NOTIFY'd when a job is enqueued: workers fetch at once instead of waiting for their poll. */
export const JOBS_CHANNEL = "lacuna_grading_jobs";
/** NOTIFY'd with {id, status} when a submission's status changes. */
export const STATUS_CHANNEL = "lacuna_submission_status";

interface JobData {
  submissionId: string;
}

/** pg-boss's executor over a Prisma client or open transaction: its SQL runs on that connection. */
function prismaExecutor(client: Pick<DbTransaction, "$queryRawUnsafe">): PgBoss.Db {
  return {
    async executeSql(text, values) {
      // JSON parameters ($3::jsonb) as text: pg would stringify an object, Prisma's raw query does not.
      const params = values.map((value: unknown) => (value === undefined ? null : value !== null && typeof value === "object" && !(value instanceof Date) && !Array.isArray(value) ? JSON.stringify(value) : value));
      return { rows: await client.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params) };
    },
  };
}

/** pg-boss's schema and our two queues, with the settings of `config`. */
async function installQueues(boss: PgBoss, config: GradingConfig, update: boolean): Promise<void> {
  // A job takes the queue's settings when it is inserted: whoever creates the queue (the web side, at its first
  // submission, or a worker) sets them; workers also update them at start, so LACUNA_QUEUE_* belong in the
  // environment of both (npm start gives its processes the same one).
  const queue = {
    name: GRADING_QUEUE,
    deadLetter: DEAD_LETTER_QUEUE,
    retryLimit: config.LACUNA_QUEUE_RETRY_LIMIT,
    retryDelay: config.LACUNA_QUEUE_RETRY_DELAY_S,
    retryBackoff: true,
    expireInSeconds: config.LACUNA_QUEUE_EXPIRE_S,
  };
  if (!(await boss.getQueue(DEAD_LETTER_QUEUE))) await boss.createQueue(DEAD_LETTER_QUEUE).catch(ignoreExisting);
  if (!(await boss.getQueue(GRADING_QUEUE))) await boss.createQueue(GRADING_QUEUE, queue).catch(ignoreExisting);
  else if (update) await boss.updateQueue(GRADING_QUEUE, queue);
}

/** Two processes creating the same queue at once: the loser's insert conflicts; the queue exists either way. */
function ignoreExisting(error: unknown): void {
  if (!/duplicate key|already exists/i.test(error instanceof Error ? error.message : String(error))) throw error;
}

async function notifyStatus(client: Pick<DbTransaction, "$executeRaw">, ids: string[], status: SubmissionStatus): Promise<void> {
  for (const id of ids) await client.$executeRaw`SELECT pg_notify(${STATUS_CHANNEL}, ${JSON.stringify({ id, status })})`;
}

/**
 * The web process's view of status changes: one LISTEN connection (opened on the first watch), fanned out to
 * the watchers of each submission. Each watch reads the row's status once the connection listens (so a change
 * just before it is not missed), and every reconnection re-reads all watched rows (notifications sent while
 * the connection was down are lost).
 */
class PgStatusFeed implements StatusFeed {
  private readonly listeners = new StatusListeners();
  private connection: ListenConnection | null = null;

  constructor(
    private readonly db: Db,
    private readonly url: string,
  ) {}

  watch(id: string, listener: StatusListener): () => void {
    const unwatch = this.listeners.add(id, listener);
    this.connection ??= listen(this.url, {
      channels: [STATUS_CHANNEL],
      onNotify: (_channel, payload) => this.onNotify(payload),
      onConnect: () => void this.refresh(this.listeners.ids()),
      log: (message) => getLogger().warn(`status feed: ${message}`),
    });
    void this.connection.ready.then(() => this.refresh([id]));
    return unwatch;
  }

  private onNotify(payload: string): void {
    try {
      const { id, status } = JSON.parse(payload) as { id: string; status: SubmissionStatus };
      if (this.listeners.has(id)) this.listeners.deliver(id, status);
    } catch {
      // not ours
    }
  }

  private async refresh(ids: string[]): Promise<void> {
    const watched = ids.filter((id) => this.listeners.has(id));
    if (watched.length === 0) return;
    try {
      const statuses = await readStatuses(this.db, watched);
      for (const id of watched) this.listeners.deliver(id, statuses.get(id) ?? null);
    } catch {
      // The database is unreachable: the connection is about to be lost too, and its reconnection reads again.
    }
  }

  async close(): Promise<void> {
    await this.connection?.close();
    this.connection = null;
  }
}

/** The daemon's work from pg-boss (see the top of this file). */
export function pgBossWorkSource(context: WorkSourceContext, url: string, config: GradingConfig): WorkSource {
  const { db, workerId, log } = context;
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    application_name: "lacuna-worker",
    migrate: true,
    supervise: true,
    schedule: false,
    maintenanceIntervalSeconds: config.LACUNA_QUEUE_MAINTENANCE_S,
  });
  boss.on("error", (error) => log(`queue: ${error.message}`));
  /** The job each claimed submission came from. */
  const jobs = new Map<string, PgBoss.JobWithMetadata<JobData>>();
  let jobsListener: ListenConnection | null = null;

  /** Takes the job of a row this daemon claimed (null if it has none left: released or settled). */
  function takeJob(id: string): PgBoss.JobWithMetadata<JobData> | null {
    const job = jobs.get(id) ?? null;
    jobs.delete(id);
    return job;
  }

  async function failJob(job: PgBoss.JobWithMetadata<JobData>, reason: string): Promise<void> {
    await boss.fail(GRADING_QUEUE, job.id, { reason });
  }

  return {
    async start(wake) {
      await boss.start();
      await installQueues(boss, config, true);
      jobsListener = listen(url, { channels: [JOBS_CHANNEL], onNotify: () => wake(), onConnect: wake, log });
    },

    async claim(max) {
      const fetched = await boss.fetch<JobData>(GRADING_QUEUE, { batchSize: max, includeMetadata: true });
      if (fetched.length === 0) return [];
      const byId = new Map(fetched.map((job) => [job.data.submissionId, job]));
      // A delivery claims its row whether queued or left running by a worker that died; a finished row is
      // not graded again (a job delivered after its grade was stored).
      const claimed: ClaimedRow[] = await db.submission.updateManyAndReturn({
        where: { id: { in: [...byId.keys()] }, status: { in: ["queued", "running"] } },
        data: { status: "running", startedAt: new Date(), workerId, gradingAttempts: { increment: 1 } },
        select: claimSelect,
      });
      for (const row of claimed) jobs.set(row.id, byId.get(row.id)!);
      const done = fetched.filter((job) => !jobs.has(job.data.submissionId)).map((job) => job.id);
      if (done.length) await boss.complete(GRADING_QUEUE, done);
      await notifyStatus(db, claimed.map((row) => row.id), "running");
      return claimed;
    },

    async storing(tx, id, status) {
      await notifyStatus(tx, [id], status);
    },

    async ended(row, end) {
      const job = takeJob(row.id);
      if (!job) return;
      // "taken": another delivery of the same job holds the row now; the job is that delivery's to settle.
      if (end === "stored") await boss.complete(GRADING_QUEUE, job.id);
      else if (end === "failed") await failJob(job, "storing the grade failed");
    },

    async retry(row, reason) {
      const job = takeJob(row.id);
      if (!job) return "gone";
      const last = job.retryCount >= job.retryLimit;
      const where = { id: row.id, status: "running", workerId };
      const updated = last
        ? await db.submission.updateMany({ where, data: { status: "error", error: givenUpMessage(job.retryCount + 1, reason), gradedAt: new Date() } })
        : await db.submission.updateMany({ where, data: { status: "queued", workerId: null, startedAt: null } });
      if (updated.count === 0) return "gone";
      await notifyStatus(db, [row.id], last ? "error" : "queued");
      log(`submission ${row.id}: ${reason}; ${last ? "given up (dead-lettered)" : `retried later (delivery ${job.retryCount + 1} of ${job.retryLimit + 1})`}`);
      await failJob(job, reason);
      return last ? "gave-up" : "retrying";
    },

    async release(ids) {
      const released = ids.map((id) => ({ id, job: takeJob(id) })).filter((entry) => entry.job !== null);
      if (released.length === 0) return;
      const mine = released.map((entry) => entry.id);
      await db.submission.updateMany({
        where: { id: { in: mine }, status: "running", workerId },
        data: { status: "queued", workerId: null, startedAt: null, gradingAttempts: { decrement: 1 } },
      });
      await notifyStatus(db, mine, "queued");
      // Failing is the only way pg-boss 10 gives a job back: it counts as a delivery, delayed by the retry backoff.
      for (const { job } of released) await failJob(job!, "the worker stopped");
    },

    async recover() {
      // Dead letters: jobs pg-boss gave up on (retries used up, or expired on their last delivery). A row still
      // unfinished gets its error; the dead letter is then completed, and stays listed in the queue's table.
      const dead = await boss.fetch<JobData>(DEAD_LETTER_QUEUE, { batchSize: 50 });
      if (dead.length === 0) return { requeued: 0, gaveUp: 0 };
      const ids = dead.map((job) => job.data.submissionId);
      const given = await db.submission.updateManyAndReturn({
        where: { id: { in: ids }, status: { in: ["queued", "running"] } },
        data: { status: "error", error: givenUpMessage(config.LACUNA_QUEUE_RETRY_LIMIT + 1, "its grading process stopped or failed each time"), gradedAt: new Date() },
        select: { id: true },
      });
      await notifyStatus(db, given.map((row) => row.id), "error");
      await boss.complete(DEAD_LETTER_QUEUE, dead.map((job) => job.id));
      return { requeued: 0, gaveUp: given.length };
    },

    async stop() {
      await jobsListener?.close();
      await boss.stop({ graceful: false, wait: true, close: true });
    },
  };
}

/** The PostgreSQL queue as the web process and the workers see it. */
export function createPgBossQueue(db: Db, url: string, config: GradingConfig): GradingQueue {
  // The web side never starts pg-boss's maintenance (the workers do); it only makes sure the schema and the
  // queues exist before its first job, and reads the depth.
  const boss = new PgBoss({ connectionString: url, max: 2, application_name: "lacuna-web-queue", migrate: true, supervise: false, schedule: false });
  boss.on("error", (error) => getLogger().error({ err: error }, `queue: ${error.message}`));
  let installing: Promise<void> | null = null;
  const installed = () => {
    installing ??= boss
      .start()
      .then(() => installQueues(boss, config, false))
      .catch((error: unknown) => {
        installing = null; // try again with the next submission
        throw error;
      });
    return installing;
  };
  const statusFeed = new PgStatusFeed(db, url);

  return {
    engine: "pg-boss",
    async enqueue(tx, submissionId) {
      await installed();
      const data: JobData = { submissionId };
      const jobId = await boss.send(GRADING_QUEUE, data, { db: prismaExecutor(tx) });
      if (!jobId) throw new Error(`the grading queue "${GRADING_QUEUE}" does not exist`);
      await tx.$executeRaw`SELECT pg_notify(${JOBS_CHANNEL}, '')`;
    },
    committed() {
      // The transaction's NOTIFY reached the workers at commit.
    },
    async depth(): Promise<QueueDepth> {
      await installed();
      const rows = await db.$queryRaw<{ name: string; state: string; count: bigint | number }[]>`
        SELECT name, state::text AS state, count(*) AS count FROM pgboss.job
        WHERE name IN (${GRADING_QUEUE}, ${DEAD_LETTER_QUEUE}) AND state IN ('created', 'retry', 'active', 'failed')
        GROUP BY name, state`;
      const count = (name: string, states: string[]) =>
        rows.filter((row) => row.name === name && states.includes(row.state)).reduce((sum, row) => sum + Number(row.count), 0);
      return {
        engine: "pg-boss",
        waiting: count(GRADING_QUEUE, ["created", "retry"]),
        active: count(GRADING_QUEUE, ["active"]),
        // Jobs that used up their retries (listed until pg-boss archives them); their rows have status "error".
        deadLettered: count(GRADING_QUEUE, ["failed"]),
      };
    },
    statusFeed,
    worker(options) {
      return createGradingDaemon({ ...options, db, source: (context) => pgBossWorkSource(context, url, config) });
    },
    async close() {
      await statusFeed.close();
      await boss.stop({ graceful: false, wait: true, close: true }).catch(() => undefined);
    },
  };
}
