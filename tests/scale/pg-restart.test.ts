// PostgreSQL restarts while grading is under way. On a throw-away server of its own (tests/helpers/pg-cluster.ts,
// port 3919), so the shared one on 5432 is never stopped: while it is down the web app answers 503 with
// Retry-After (through the real route handler of POST /api/guest/run, which needs the database first), and
// afterwards the web side and the worker carry on by themselves: every submission graded once, new ones too,
// the event stream's LISTEN connection back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, isDatabaseUnavailable, type Db } from "@/lib/db";
import { parseGradingConfig } from "@/lib/grading/config";
import { submissionEventStream } from "@/lib/grading/events";
import { createGradingQueue, type GradingQueue } from "@/lib/grading/queue";
import { createSubmission } from "@/lib/grading/service";
import { migrateDatabase } from "@/scripts/lib/migrate";
import { startThrowawayCluster, type ThrowawayCluster } from "@/tests/helpers/pg-cluster";
import { costSlug, costSolution, createLearner, waitForFinished } from "../api/helpers";
import { waitUntil } from "../durability/helpers";
import { countByStatus, enqueueSubmissions, FAST_QUEUE_ENV, readStream, startWorker, type WorkerProcess } from "./helpers";

const PORT = 3919;
const config = parseGradingConfig({ ...FAST_QUEUE_ENV });

let cluster: ThrowawayCluster;
let url: string;
let db: Db;
let queue: GradingQueue;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  cluster = await startThrowawayCluster(PORT);
  url = await cluster.createDatabase("lacuna_restart");
  await migrateDatabase(url);
  // The route handler's own database client (lib/db.ts getDb) and grader port: this server, and a port where
  // no grader listens (a signed-out run then needs only the database to get as far as the grader).
  process.env.DATABASE_URL = url;
  process.env.LACUNA_GRADER_PORT = "3917";
  db = createDb(url);
  queue = createGradingQueue(db, url, { config });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await queue?.close();
  await db?.$disconnect();
  cluster?.destroy();
});

async function guestRun(): Promise<Response> {
  const { POST } = await import("@/app/api/guest/run/route");
  const request = new Request("http://localhost/api/guest/run", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.7" },
    body: JSON.stringify({ slug: costSlug, source: costSolution() }),
  });
  return POST(request);
}

describe("a PostgreSQL restart during load", () => {
  it("503 + Retry-After while down; web and worker recover by themselves; nothing lost or graded twice", async () => {
    // Up: the route reaches the database (its throttle row) and stops at the missing grader.
    const up = await guestRun();
    expect(up.status).toBe(503);
    expect(await up.json()).toMatchObject({ code: "grader-unavailable" });
    expect(await db.rateLimit.count()).toBeGreaterThan(0);

    worker = await startWorker(url);
    const { ids, submitIds } = await enqueueSubmissions(db, queue, { count: 200, slug: costSlug, source: costSolution(), submitEvery: 3, learners: 4 });
    // The web process's LISTEN connection is open before the restart: it must come back by itself.
    const unwatch = queue.statusFeed.watch("not-a-submission", () => undefined);
    await waitUntil(async () => ((await countByStatus(db, ids)).graded ?? 0) >= 40, 180_000, () => worker!.output());

    cluster.stop();
    try {
      const down = await guestRun();
      expect(down.status).toBe(503);
      expect(down.headers.get("retry-after")).toBe("5");
      expect(await down.json()).toMatchObject({ code: "database-unavailable" });
      const learner = "any";
      const refused = await createSubmission(db, learner, { slug: costSlug, source: costSolution(), kind: "run" }, { queue }).catch((error: unknown) => error);
      expect(isDatabaseUnavailable(refused)).toBe(true);
    } finally {
      await cluster.start();
    }

    // The worker carries on: every submission graded, once.
    await waitUntil(async () => ((await countByStatus(db, ids)).graded ?? 0) === ids.length, 240_000, () => worker!.output(), 500);
    expect(await countByStatus(db, ids)).toEqual({ graded: ids.length });
    expect(await db.srsReviewLog.count({ where: { id: { in: submitIds.map((id) => `submission-${id}`) } } })).toBe(submitIds.length);
    // Each job is completed after its grade commits, so the queue drains a moment after the last grade; a job whose
    // completion met the outage stays active until it expires (LACUNA_QUEUE_EXPIRE_S) and is completed then.
    await waitUntil(async () => {
      const depth = await queue.depth();
      return depth.waiting === 0 && depth.active === 0;
    }, 120_000, () => worker!.output(), 500);
    expect(await queue.depth()).toMatchObject({ waiting: 0, active: 0, deadLettered: 0 });
    expect(await countByStatus(db, ids)).toEqual({ graded: ids.length });

    // The web side too: a new submission is stored and enqueued (after at most a refused try per stale pool
    // connection), its grade pushed to a stream over the re-established LISTEN connection.
    const learner = await createLearner(db, "after-restart");
    let id = "";
    await waitUntil(
      async () => {
        const created = await createSubmission(db, learner.id, { slug: costSlug, source: costSolution(), kind: "submit" }, { queue }).catch((error: unknown) => {
          if (isDatabaseUnavailable(error)) return null;
          throw error;
        });
        id = created ? (created.body as { id: string }).id : "";
        return created?.status === 202;
      },
      30_000,
    );
    const text = await readStream(submissionEventStream(db, id, { feed: queue.statusFeed, maxMs: 120_000 }));
    expect(text).toMatch(/event: result\ndata: \{"id":"[^"]+","slug":"linear-regression-cost","kind":"submit","status":"graded"/);
    expect(await waitForFinished(db, id)).toMatchObject({ status: "graded", passed: true });
    unwatch();
    expect(await (await guestRun()).json()).toMatchObject({ code: "grader-unavailable" }); // the route works again
  }, 600_000);
});
