// The submission pipeline end to end on a real SQLite file and the REAL grader pool: the service functions
// the /api routes call (same status codes and messages), the grading daemon in-process and as its own
// process (scripts/grading-daemon.ts), restart recovery, the events stream, hooks.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createGraderPool, gradeReportSchema, type GraderPool } from "@/grader/index";
import { signalDaemon, typeCheckViaDaemon, wakeDaemon } from "@/lib/grading/client";
import { MAX_GRADING_ATTEMPTS, SOURCE_MAX_BYTES, VISIBLE_SEED } from "@/lib/grading/config";
import { createGradingDaemon, type GradingDaemon } from "@/lib/grading/daemon";
import { statusWatcher, submissionEventStream } from "@/lib/grading/events";
import { addSubmissionGradedListener } from "@/lib/grading/hooks";
import { readJsonBody } from "@/lib/grading/http";
import {
  createSubmission,
  getDraft,
  getSubmission,
  listExercises,
  listSubmissions,
  putDraft,
  typeCheck,
  HIDDEN_SEED_SHOWN_AS,
  type SubmissionView,
} from "@/lib/grading/service";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { costMisconception, costSlug, costSolution, createLearner, repoRoot, waitForFinished } from "./helpers";

const noWake = () => undefined;
const generous = { limit: 1000, windowMs: 30_000 };

let t: TestDb;
let pool: GraderPool;
const daemons: GradingDaemon[] = [];

function startDaemon(): Promise<{ daemon: GradingDaemon; port: number | null; recovered: { requeued: number; gaveUp: number } }> {
  const daemon = createGradingDaemon({ db: t.db, pool, concurrency: 2, port: 0, pollMs: 200, ownsPool: false, log: () => undefined });
  daemons.push(daemon);
  return daemon.start().then((started) => ({ daemon, ...started }));
}

beforeAll(async () => {
  t = await createTestDb("sqlite");
  pool = createGraderPool({ workers: 2 });
});

afterAll(async () => {
  for (const daemon of daemons) await daemon.stop();
  await pool?.close();
  await t?.drop();
});

describe("a submission is stored before it is graded, then the daemon grades it", () => {
  it("stores a wrong submit as queued, grades it failed with the named misconception, and the fix passes", async () => {
    const learner = await createLearner(t.db);
    const submitted: string[] = [];
    const off = addSubmissionGradedListener("test-recorder", (_db, submission) => {
      submitted.push(submission.id);
    });
    const offBroken = addSubmissionGradedListener("test-broken", () => {
      throw new Error("listener failure must not stop grading");
    });
    try {
      const wrong = await createSubmission(
        t.db,
        learner.id,
        { slug: costSlug, source: costMisconception("missing-one-half"), kind: "submit", hintsUsed: 1 },
        { wake: noWake, rate: generous },
      );
      expect(wrong.status).toBe(202);
      const { id } = wrong.body as { id: string; status: string };
      expect(wrong.body).toEqual({ id, status: "queued" });
      expect(wrong.headers?.location).toBe(`/api/submissions/${id}`);
      // No daemon runs yet: the row is there, queued, with its hidden seed.
      const stored = await t.db.submission.findUniqueOrThrow({ where: { id } });
      expect(stored).toMatchObject({ status: "queued", kind: "submit", source: costMisconception("missing-one-half"), hintsUsed: 1, gradingAttempts: 0, report: null });
      expect(stored.seed).toBeGreaterThan(0);

      const { daemon, port } = await startDaemon();
      expect(port).toBeGreaterThan(0);
      // The wake-up gives up after 1 s (the poll covers a lost one); a loaded machine may need a second try.
      await vi.waitFor(async () => expect(await wakeDaemon(port!)).toBe(true), { timeout: 30_000, interval: 500 });
      const graded = await waitForFinished(t.db, id);
      expect(graded).toMatchObject({ status: "graded", passed: false, gradingAttempts: 1 });
      expect(graded.startedAt).not.toBeNull();
      expect(graded.gradedAt).not.toBeNull();

      const view = await getSubmission(t.db, learner.id, id);
      expect(view.status).toBe(200);
      const body = view.body as SubmissionView;
      expect(body.report).not.toBeNull();
      expect(body.report!.mode).toBe("all");
      // The hidden seed is kept in the row for the grader but never shown to the learner.
      expect(body.report!.seed).toBe(HIDDEN_SEED_SHOWN_AS);
      expect(JSON.stringify(body)).not.toContain(`"seed":${stored.seed}`);
      expect(body.report!.cases.some((c) => !c.passed)).toBe(true);
      expect(body.report!.cases.some((c) => !c.visible)).toBe(true);
      expect(body.report!.diagnosis.map((d) => d.misconceptionId)).toContain("missing-one-half");
      expect(body.score).toBeLessThan(1);
      expect(body.source).toBe(costMisconception("missing-one-half"));

      const fixed = await createSubmission(t.db, learner.id, { slug: costSlug, source: costSolution(), kind: "submit" }, { wake: () => daemon.wake(), rate: generous });
      const fixedRow = await waitForFinished(t.db, (fixed.body as { id: string }).id);
      expect(fixedRow).toMatchObject({ status: "graded", passed: true, score: 1 });
      expect(gradeReportSchema.parse(JSON.parse(fixedRow.report!)).status).toBe("passed");

      // Listeners ran for both submits (after each row was stored), the broken one logged and skipped.
      await vi.waitFor(() => expect(submitted).toEqual([id, fixedRow.id]), { timeout: 10_000 });

      const list = await listExercises(t.db, learner.id);
      const cost = (list.body as { slug: string; status: string; bestScore: number | null }[]).find((e) => e.slug === costSlug);
      expect(cost).toMatchObject({ status: "passed", bestScore: 1 });
      const untouched = (list.body as { slug: string; status: string }[]).find((e) => e.slug !== costSlug);
      expect(untouched?.status).toBe("not-started");
    } finally {
      off();
      offBroken();
    }
  }, 360_000);

  it("grades a run on the visible cases of the fixed seed only and does not call the submit hooks", async () => {
    const learner = await createLearner(t.db);
    const ran: string[] = [];
    const off = addSubmissionGradedListener("test-run", (_db, s) => {
      ran.push(s.id);
    });
    try {
      const daemon = daemons[0] ?? (await startDaemon()).daemon;
      const result = await createSubmission(t.db, learner.id, { slug: costSlug, source: costMisconception("forgot-bias"), kind: "run" }, { wake: () => daemon.wake(), rate: generous });
      const row = await waitForFinished(t.db, (result.body as { id: string }).id);
      // A run's grade is stored outside Prisma on SQLite: Prisma must read back the same types it writes.
      expect(row).toMatchObject({ status: "graded", passed: false, error: null, gradingAttempts: 1 });
      expect(row.score).toBeGreaterThanOrEqual(0);
      expect(row.score).toBeLessThan(1);
      expect(row.gradedAt!.getTime()).toBeGreaterThanOrEqual(row.startedAt!.getTime());
      expect(row.gradedAt!.getTime()).toBeLessThanOrEqual(Date.now());
      expect(row.seed).toBe(VISIBLE_SEED);
      const report = gradeReportSchema.parse(JSON.parse(row.report!));
      expect(report.mode).toBe("visible");
      expect(report.cases.every((c) => c.visible)).toBe(true);
      expect(report.diagnosis.map((d) => d.misconceptionId)).toContain("forgot-bias");
      expect(ran).toEqual([]);
      // A run that fails is an attempt, not a pass, and gives no best score.
      const cost = ((await listExercises(t.db, learner.id)).body as { slug: string; status: string; bestScore: number | null }[]).find((e) => e.slug === costSlug);
      expect(cost).toMatchObject({ status: "attempted", bestScore: null });
    } finally {
      off();
    }
  });

  it("streams status changes and then the graded submission as server-sent events", async () => {
    // No daemon while the first event is read, so "queued" is observed for certain.
    for (const daemon of daemons.splice(0)) await daemon.stop();
    const learner = await createLearner(t.db);
    const result = await createSubmission(t.db, learner.id, { slug: costSlug, source: costSolution(), kind: "run" }, { wake: noWake, rate: generous });
    const id = (result.body as { id: string }).id;
    const reader = submissionEventStream(t.db, id, { intervalMs: 20 }).getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("event: status")) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value);
    }
    expect(text).toMatch(/^retry: 1000\n\n/);
    const { daemon } = await startDaemon();
    daemon.wake();
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value);
    }
    const events = text
      .split("\n\n")
      .filter((block) => block.startsWith("event:"))
      .map((block) => ({ event: /^event: (.*)$/m.exec(block)?.[1], data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? "null") as Record<string, unknown> }));
    expect(events[0]).toEqual({ event: "status", data: { id, status: "queued" } });
    const statuses = events.filter((e) => e.event === "status").map((e) => e.data.status);
    expect(statuses.at(-1)).toBe("graded");
    expect(events.map((e) => e.event).at(-1)).toBe("result");
    const last = events.at(-1)!.data as unknown as SubmissionView;
    expect(last).toMatchObject({ id, status: "graded", passed: true });
    expect(last.report?.status).toBe("passed");
    // A finished stream stops watching: the shared poller has nothing left to read.
    expect(statusWatcher(t.db, 20).watched).toBe(0);
  });

  it("ends the stream with a timeout event when the cap passes first", async () => {
    for (const daemon of daemons.splice(0)) await daemon.stop();
    const learner = await createLearner(t.db);
    const result = await createSubmission(t.db, learner.id, { slug: costSlug, source: costSolution(), kind: "run" }, { wake: noWake, rate: generous });
    const id = (result.body as { id: string }).id;
    const text = await new Response(submissionEventStream(t.db, id, { intervalMs: 10, maxMs: 50 })).text();
    expect(text).toContain(`event: timeout\ndata: {"id":"${id}","status":"queued"}`);
    await startDaemon();
    expect((await waitForFinished(t.db, id)).status).toBe("graded");
  });
});

describe("restart recovery", () => {
  it("re-queues a row a dead daemon left running and grades it; gives up after the attempt limit", async () => {
    const learner = await createLearner(t.db);
    const abandoned = await t.db.submission.create({
      data: { userId: learner.id, exerciseSlug: costSlug, kind: "submit", source: costSolution(), lang: "en", seed: 99, status: "running", workerId: "dead-daemon", gradingAttempts: 1, startedAt: new Date() },
    });
    const cursed = await t.db.submission.create({
      data: { userId: learner.id, exerciseSlug: costSlug, kind: "submit", source: costSolution(), lang: "en", seed: 98, status: "running", workerId: "dead-daemon", gradingAttempts: MAX_GRADING_ATTEMPTS, startedAt: new Date() },
    });
    // The restart: every daemon stops, a new one starts on the same database.
    for (const daemon of daemons.splice(0)) await daemon.stop();
    const { recovered } = await startDaemon();
    expect(recovered).toEqual({ requeued: 1, gaveUp: 1 });
    const regraded = await waitForFinished(t.db, abandoned.id);
    expect(regraded).toMatchObject({ status: "graded", passed: true, gradingAttempts: 2, seed: 99 });
    expect(regraded.workerId).not.toBe("dead-daemon");
    const given = await t.db.submission.findUniqueOrThrow({ where: { id: cursed.id } });
    expect(given.status).toBe("error");
    expect(given.error).toMatch(/interrupted 3 times/);
    const view = (await getSubmission(t.db, learner.id, cursed.id)).body as SubmissionView;
    expect(view).toMatchObject({ status: "error", report: null, score: null });
    expect(view.error).toMatch(/given up/);
  });

  it("runs as its own process: wakes over HTTP and by datagram, type-checks, grades, and on SIGTERM leaves nothing running", async () => {
    for (const daemon of daemons.splice(0)) await daemon.stop();
    const port = 3900 + Math.floor(Math.random() * 90) + 10;
    const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "scripts", "grading-daemon.ts")], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: t.url, LACUNA_GRADER_PORT: String(port), LACUNA_GRADER_WORKERS: "1", LACUNA_GRADER_POLL_MS: "60000" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
    try {
      const deadline = Date.now() + 60_000;
      while (!output.includes("listening on 127.0.0.1")) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`daemon did not start:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const learner = await createLearner(t.db);
      // The poll is a minute long here: grading within the test means the HTTP wake-up worked.
      const created = await createSubmission(t.db, learner.id, { slug: costSlug, source: costMisconception("divides-by-n"), kind: "submit" }, { wake: () => wakeDaemon(port), rate: generous });
      const row = await waitForFinished(t.db, (created.body as { id: string }).id, 120_000);
      expect(row).toMatchObject({ status: "graded", passed: false });
      expect(gradeReportSchema.parse(JSON.parse(row.report!)).diagnosis.map((d) => d.misconceptionId)).toContain("divides-by-n");

      const checked = await typeCheck({ slug: costSlug, source: 'export function computeCost(X: number[][], y: number[], w: number[], b: number): number {\n  const m: number = "two";\n  return m;\n}\n' }, (slug, source) => typeCheckViaDaemon(slug, source, port));
      expect(checked.status).toBe(200);
      const warnings = (checked.body as { warnings: { line: number; column: number; message: string }[] }).warnings;
      expect(warnings[0]).toMatchObject({ line: 2, column: 9 });
      expect(warnings[0]?.message).toMatch(/not assignable to type 'number'/);

      // The web process wakes it with a UDP datagram on the same port number. The daemon has been idle since the
      // type check began and its first poll comes 60 s after its start: graded well before that, so the datagram
      // woke it (a run takes milliseconds; 40 s leaves a loaded machine room).
      const signalled = await createSubmission(t.db, learner.id, { slug: costSlug, source: costSolution(), kind: "run" }, { wake: () => signalDaemon(port), rate: generous });
      expect(await waitForFinished(t.db, (signalled.body as { id: string }).id, 40_000)).toMatchObject({ status: "graded", passed: true });

      child.kill("SIGTERM");
      const [code] = (await once(child, "exit")) as [number | null];
      expect(code).toBe(0);
      expect(await t.db.submission.count({ where: { status: "running" } })).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    // Its waits: 60 s to start, 120 s to grade, the type check and the stop (each bounded by the daemon).
  }, 360_000);

  it("type check answers 503 with a reason when the daemon is not running", async () => {
    const result = await typeCheck({ slug: costSlug, source: "export const x = 1;" }, (slug, source) => typeCheckViaDaemon(slug, source, 3999));
    expect(result.status).toBe(503);
    expect(result.headers?.["retry-after"]).toBe("5");
    expect((result.body as { error: string }).error).toMatch(/grading service is not reachable/);
  });
});

describe("bad input gets a 4xx with a reason, and nothing is stored", () => {
  it("400 with the zod issues for a malformed submission", async () => {
    const learner = await createLearner(t.db);
    const result = await createSubmission(t.db, learner.id, { slug: costSlug, source: 42, kind: "grade" }, { wake: noWake, rate: generous });
    expect(result.status).toBe(400);
    const body = result.body as { error: string; code: string; issues: { path: string; message: string }[] };
    expect(body.code).toBe("invalid");
    expect(body.issues).toEqual([
      { path: "source", message: "must be a string" },
      { path: "kind", message: 'must be "run" or "submit"' },
    ]);
    expect(body.error).toBe('Invalid request: source: must be a string; kind: must be "run" or "submit"');
    expect(await t.db.submission.count({ where: { userId: learner.id } })).toBe(0);
  });

  it("400 for a body that is not JSON, 404 for an unknown exercise", async () => {
    const notJson = await readJsonBody(new Request("http://x/api/submissions", { method: "POST", body: "{slug:" }));
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) {
      expect(notJson.result.status).toBe(400);
      expect((notJson.result.body as { error: string }).error).toMatch(/^The request body is not valid JSON/);
    }
    const learner = await createLearner(t.db);
    const unknown = await createSubmission(t.db, learner.id, { slug: "no-such-exercise", source: "x", kind: "run" }, { wake: noWake, rate: generous });
    expect(unknown).toMatchObject({ status: 404, body: { code: "unknown-exercise", error: 'There is no exercise "no-such-exercise".' } });
    expect((await getDraft(t.db, learner.id, "no-such-exercise")).status).toBe(404);
  });

  it("413 above 64 KB of source (submission and draft); exactly 64 KB is accepted", async () => {
    const learner = await createLearner(t.db);
    const atLimit = `// ${"x".repeat(SOURCE_MAX_BYTES - 3)}`;
    expect(Buffer.byteLength(atLimit)).toBe(SOURCE_MAX_BYTES);
    const over = `${atLimit}é`; // two bytes in UTF-8
    const tooBig = await createSubmission(t.db, learner.id, { slug: costSlug, source: over, kind: "run" }, { wake: noWake, rate: generous });
    expect(tooBig).toMatchObject({ status: 413, body: { code: "too-large", error: "The source is 65538 bytes; the limit is 65536 bytes (64 KB). Shorten the file and try again." } });
    expect((await createSubmission(t.db, learner.id, { slug: costSlug, source: atLimit, kind: "run" }, { wake: noWake, rate: generous })).status).toBe(202);
    expect((await putDraft(t.db, learner.id, costSlug, { source: over, hintsRevealed: 0 })).status).toBe(413);
    const bigBody = await readJsonBody(new Request("http://x/", { method: "POST", body: "x".repeat(5 * SOURCE_MAX_BYTES) }));
    expect(!bigBody.ok && bigBody.result.status).toBe(413);
  });

  it("429 with Retry-After once a learner passes the rate limit, counted from stored rows", async () => {
    const learner = await createLearner(t.db);
    const rate = { limit: 3, windowMs: 30_000 };
    for (let i = 0; i < 3; i++) {
      expect((await createSubmission(t.db, learner.id, { slug: costSlug, source: costSolution(), kind: "run" }, { wake: noWake, rate })).status).toBe(202);
    }
    // Ten seconds after the oldest row was stored it still has twenty seconds to go. The clock is set from the
    // stored row, not from Date.now(): on a loaded machine the three inserts above can take over a second, and
    // "ten seconds from now" then leaves 19 s.
    const oldest = await t.db.submission.findFirstOrThrow({ where: { userId: learner.id }, orderBy: { createdAt: "asc" } });
    const tenSecondsLater = () => new Date(oldest.createdAt.getTime() + 10_000);
    const limited = await createSubmission(t.db, learner.id, { slug: costSlug, source: costSolution(), kind: "submit" }, { wake: noWake, rate, now: tenSecondsLater });
    expect(limited.status).toBe(429);
    expect(limited.headers?.["retry-after"]).toBe("20");
    expect(limited.body).toEqual({ code: "rate-limited", error: "Too many submissions: at most 3 every 30 seconds. Try again in 20 s." });
    expect(await t.db.submission.count({ where: { userId: learner.id } })).toBe(3);
    // Another learner is not affected; the same learner may submit once the window has passed.
    const other = await createLearner(t.db);
    expect((await createSubmission(t.db, other.id, { slug: costSlug, source: costSolution(), kind: "run" }, { wake: noWake, rate })).status).toBe(202);
    const later = () => new Date(oldest.createdAt.getTime() + 31_000);
    expect((await createSubmission(t.db, learner.id, { slug: costSlug, source: costSolution(), kind: "run" }, { wake: noWake, rate, now: later })).status).toBe(202);
  });
});

describe("ownership, history and drafts", () => {
  it("403 on another learner's submission, 404 on an unknown id; history is the learner's own, newest first", async () => {
    const alice = await createLearner(t.db, "alice");
    const bob = await createLearner(t.db, "bob");
    const ids: string[] = [];
    for (const kind of ["run", "submit", "run"] as const) {
      const created = await createSubmission(t.db, alice.id, { slug: costSlug, source: `// ${kind}\n${costSolution()}`, kind }, { wake: noWake, rate: generous });
      ids.push((created.body as { id: string }).id);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await getSubmission(t.db, bob.id, ids[0]!)).toMatchObject({ status: 403, body: { code: "forbidden", error: "This submission belongs to another learner." } });
    expect(await getSubmission(t.db, alice.id, "nope")).toMatchObject({ status: 404, body: { error: 'There is no submission "nope".' } });
    const history = await listSubmissions(t.db, alice.id, { slug: costSlug });
    const entries = (history.body as { submissions: { id: string; kind: string }[] }).submissions;
    expect(entries.map((e) => e.id)).toEqual([...ids].reverse());
    expect(entries.map((e) => e.kind)).toEqual(["run", "submit", "run"]);
    expect((await listSubmissions(t.db, bob.id, { slug: costSlug })).body).toEqual({ submissions: [] });
    expect((await listSubmissions(t.db, alice.id, { limit: "0" })).status).toBe(400);
  });

  it("drafts: the starter until saved, then the learner's own; another learner never sees it", async () => {
    const alice = await createLearner(t.db, "alice");
    const bob = await createLearner(t.db, "bob");
    const empty = await getDraft(t.db, alice.id, costSlug);
    expect(empty).toMatchObject({ status: 200, body: { slug: costSlug, saved: false, hintsRevealed: 0, updatedAt: null } });
    expect((empty.body as { source: string }).source).toMatch(/export function computeCost/);

    const saved = await putDraft(t.db, alice.id, costSlug, { source: "// alice's work", hintsRevealed: 2 });
    expect(saved).toMatchObject({ status: 200, body: { saved: true, source: "// alice's work", hintsRevealed: 2 } });
    expect((await getDraft(t.db, alice.id, costSlug)).body).toMatchObject({ saved: true, source: "// alice's work", hintsRevealed: 2 });
    expect((await getDraft(t.db, bob.id, costSlug)).body).toMatchObject({ saved: false, hintsRevealed: 0 });

    const tooManyHints = await putDraft(t.db, alice.id, costSlug, { source: "x", hintsRevealed: 4 });
    expect(tooManyHints).toMatchObject({ status: 400, body: { issues: [{ path: "hintsRevealed", message: "must be at most 3 (this exercise has 3 hints)" }] } });
    expect((await putDraft(t.db, alice.id, costSlug, { hintsRevealed: 1 })).body).toMatchObject({ issues: [{ path: "source", message: "must be a string" }] });
  });
});
