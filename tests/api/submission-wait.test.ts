// The short path from a stored grade to the learner, on a real SQLite file and the REAL grader pool: the daemon's
// notice stream (GET /notices on its control port), the SQLite status feed that follows it, awaitFinished (what
// POST /api/submissions with `Prefer: wait=N` waits on) and the Prefer header's parsing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraderPool, type GraderPool } from "@/grader/index";
import { followDaemonNotices, signalDaemon, type DaemonNotice } from "@/lib/grading/client";
import { createGradingDaemon, type GradingDaemon } from "@/lib/grading/daemon";
import { awaitFinished, StatusWatcher } from "@/lib/grading/events";
import { MAX_PREFER_WAIT_S, preferredWaitSeconds } from "@/lib/grading/http";
import { daemonStatusFeed } from "@/lib/grading/queue/sqlite";
import { createSubmission } from "@/lib/grading/service";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { costMisconception, costSlug, costSolution, createLearner, waitForFinished } from "./helpers";

const generous = { limit: 1000, windowMs: 30_000 };

let t: TestDb;
let pool: GraderPool;
let daemon: GradingDaemon;
let port: number;

beforeAll(async () => {
  t = await createTestDb("sqlite");
  pool = createGraderPool({ workers: 1 });
  // A poll of a minute: whatever is graded within a test was woken, and whatever is heard was pushed.
  daemon = createGradingDaemon({ db: t.db, pool, concurrency: 1, port: 0, pollMs: 60_000, ownsPool: false, log: () => undefined });
  port = (await daemon.start()).port!;
});

afterAll(async () => {
  await daemon?.stop();
  await pool?.close();
  await t?.drop();
});

/** Resolves once `predicate` holds for the notices heard so far (checked on each new one). */
function noticesUntil(heard: DaemonNotice[], predicate: (notices: DaemonNotice[]) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (predicate(heard) ? resolve() : setTimeout(check, 10));
    check();
  });
}

describe("the daemon pushes status changes to the web process", () => {
  it("sends 'running' when it claims a row and 'graded' once the grade is stored", async () => {
    const heard: DaemonNotice[] = [];
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const notices = followDaemonNotices({ onNotice: (n) => heard.push(n), onConnection: (connected) => connected && opened() }, port);
    try {
      notices.ensure();
      await open;
      expect(notices.connected).toBe(true);
      const learner = await createLearner(t.db);
      const created = await createSubmission(t.db, learner.id, { slug: costSlug, source: costMisconception("divides-by-n"), kind: "submit" }, { wake: () => signalDaemon(port), rate: generous });
      const id = (created.body as { id: string }).id;
      await noticesUntil(heard, (all) => all.some((n) => n.id === id && n.status === "graded"));
      expect(heard.filter((n) => n.id === id).map((n) => n.status)).toEqual(["running", "graded"]);
      // The notice comes after the commit: the row already says so.
      expect((await t.db.submission.findUniqueOrThrow({ where: { id } })).status).toBe("graded");
    } finally {
      notices.close();
    }
  });

  it("the SQLite status feed delivers the pushed grade to awaitFinished without waiting for its safety poll", async () => {
    const feed = daemonStatusFeed(t.db, port);
    const learner = await createLearner(t.db);
    const created = await createSubmission(t.db, learner.id, { slug: costSlug, source: costSolution(), kind: "run" }, { wake: () => signalDaemon(port), rate: generous });
    const id = (created.body as { id: string }).id;
    // As the route calls it: the status it stored is known, so only the daemon's notices (or the safety poll) tell the rest.
    const view = await awaitFinished(t.db, feed, id, 60_000, undefined, "queued");
    expect(view).toMatchObject({ id, status: "graded", passed: true, kind: "run" });
    expect(view?.report?.status).toBe("passed");
    expect(feed.watched).toBe(0);
  });

  it("a feed whose daemon is unreachable falls back to polling the status column", async () => {
    const feed = daemonStatusFeed(t.db, 3919);
    const learner = await createLearner(t.db);
    const created = await createSubmission(t.db, learner.id, { slug: costSlug, source: costSolution(), kind: "run" }, { wake: () => signalDaemon(port), rate: generous });
    const id = (created.body as { id: string }).id;
    expect(await awaitFinished(t.db, feed, id, 60_000)).toMatchObject({ id, status: "graded" });
    const again = await createSubmission(t.db, learner.id, { slug: costSlug, source: costSolution(), kind: "run" }, { wake: () => signalDaemon(port), rate: generous });
    const againId = (again.body as { id: string }).id;
    expect(await awaitFinished(t.db, feed, againId, 60_000, undefined, "queued")).toMatchObject({ id: againId, status: "graded" });
  });
});

describe("awaitFinished: the POST's wait for its grade", () => {
  it("null when the wait runs out first (the row stays queued: the event stream takes over)", async () => {
    const learner = await createLearner(t.db);
    // Not woken, and the daemon's poll is a minute away: it stays queued for the wait.
    const created = await createSubmission(t.db, learner.id, { slug: costSlug, source: costSolution(), kind: "run" }, { wake: () => undefined, rate: generous });
    const id = (created.body as { id: string }).id;
    const feed = new StatusWatcher(t.db, 20);
    expect(await awaitFinished(t.db, feed, id, 100)).toBeNull();
    expect(feed.watched).toBe(0);
    daemon.wake();
    expect((await waitForFinished(t.db, id)).status).toBe("graded");
  });

  it("null at once when the request is aborted, and for a wait of 0", async () => {
    const feed = new StatusWatcher(t.db, 20);
    const aborted = new AbortController();
    const waiting = awaitFinished(t.db, feed, "no-such-id", 60_000, aborted.signal);
    aborted.abort();
    expect(await waiting).toBeNull();
    expect(await awaitFinished(t.db, feed, "no-such-id", 0)).toBeNull();
    expect(feed.watched).toBe(0);
  });
});

describe("the Prefer header (RFC 7240)", () => {
  it("reads wait=N among other preferences, caps it, and ignores what it does not understand", () => {
    expect(preferredWaitSeconds(null)).toBe(0);
    expect(preferredWaitSeconds("wait=2")).toBe(2);
    expect(preferredWaitSeconds("respond-async, wait=3")).toBe(3);
    expect(preferredWaitSeconds('Wait = "1"; foo=bar')).toBe(1);
    expect(preferredWaitSeconds("wait=600")).toBe(MAX_PREFER_WAIT_S);
    expect(preferredWaitSeconds("wait=-1")).toBe(0);
    expect(preferredWaitSeconds("wait=1.5")).toBe(0);
    expect(preferredWaitSeconds("wait")).toBe(0);
    expect(preferredWaitSeconds("return=minimal")).toBe(0);
  });
});
