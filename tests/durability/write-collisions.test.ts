// Two processes writing one SQLite file, as `npm start` runs them: the grading daemon (its own process, grading
// submits and recording each grade as a spaced-repetition review) and the web side (this test process: taking
// submissions and rating flashcards within milliseconds of them). Every write must wait for the other process's
// lock instead of failing (P1008 "Operation has timed out"), and every graded submit must have its review.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signalDaemon } from "@/lib/grading/client";
import { createSubmission } from "@/lib/grading/service";
import { submissionLogId } from "@/lib/review/exercise-grades";
import { reviewCatalog } from "@/lib/review/items";
import { reviewItem } from "@/lib/review/service";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { costMisconception, costSlug, costSolution, createLearner, repoRoot } from "../api/helpers";
import { waitUntil } from "./helpers";

let t: TestDb;
let daemon: ChildProcess | null = null;
let daemonOutput = "";
const port = 3800 + Math.floor(Math.random() * 90);

beforeAll(async () => {
  t = await createTestDb("sqlite");
  daemon = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "scripts", "grading-daemon.ts")], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: t.url, LACUNA_GRADER_PORT: String(port), LACUNA_GRADER_WORKERS: "2", LACUNA_GRADER_POLL_MS: "500" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  daemon.stdout?.on("data", (c: Buffer) => (daemonOutput += c.toString()));
  daemon.stderr?.on("data", (c: Buffer) => (daemonOutput += c.toString()));
  await waitUntil(() => daemonOutput.includes("listening on 127.0.0.1") || daemon?.exitCode !== null, 90_000, () => daemonOutput);
  if (daemon.exitCode !== null) throw new Error(`the daemon did not start:\n${daemonOutput}`);
}, 120_000);

afterAll(async () => {
  if (daemon && daemon.exitCode === null) {
    daemon.kill("SIGTERM");
    await once(daemon, "exit");
  }
  await t?.drop();
}, 60_000);

describe("the web process and the grading daemon writing one SQLite file", () => {
  it("takes every submit and every rating (no timeout), and records every graded submit as a review", async () => {
    const flashcards = [...reviewCatalog().flashcards.keys()];
    const learners = await Promise.all([1, 2, 3].map(() => createLearner(t.db, "collider")));
    const sources = [costSolution(), costMisconception("missing-one-half"), costMisconception("divides-by-n")];
    const ids: string[] = [];
    const failures: string[] = [];
    let ratings = 0;
    let gradingDone = false;
    // One budget for every wait below, well inside the test's own limit.
    const deadline = Date.now() + 200_000;
    const remaining = () => Math.max(0, deadline - Date.now());
    // Each learner rates flashcards one after another, the way the review page does, the whole time the
    // daemon claims, grades and records: every daemon commit lands between a rating's read and its write.
    const rateUntilGraded = async (learner: { id: string }, from: number) => {
      for (let k = 0; !gradingDone || k < 10; k++) {
        const itemId = flashcards[(from + k) % flashcards.length]!;
        try {
          await reviewItem(t.db, { userId: learner.id, item: { itemType: "flashcard", itemId }, rating: 3, now: new Date() });
          ratings += 1;
        } catch (error) {
          failures.push(`rating: ${error instanceof Error ? error.message : String(error)}`);
        }
        // SQLite calls resolve as microtasks: yield to timers and I/O, as requests arriving over HTTP would.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const submitRounds = async (learner: { id: string }, i: number) => {
      for (let round = 0; round < 4; round++) {
        try {
          const created = await createSubmission(
            t.db,
            learner.id,
            { slug: costSlug, source: sources[(round + i) % sources.length]!, kind: "submit" },
            { wake: () => signalDaemon(port), rate: { limit: 1000, windowMs: 30_000 } },
          );
          if (created.status !== 202) failures.push(`submit: ${created.status} ${JSON.stringify(created.body)}`);
          else ids.push((created.body as { id: string }).id);
        } catch (error) {
          failures.push(`submit: ${error instanceof Error ? error.message : String(error)}`);
        }
        // The next submit once this one is graded, so submits, grades and ratings keep overlapping.
        const last = ids.at(-1);
        if (last) await waitUntil(async () => ["graded", "error"].includes((await t.db.submission.findUnique({ where: { id: last } }))?.status ?? ""), remaining());
      }
    };
    const raters = learners.map((learner, i) => rateUntilGraded(learner, i * 7));
    try {
      await Promise.all(learners.map((learner, i) => submitRounds(learner, i)));
      await waitUntil(async () => (await t.db.submission.count({ where: { id: { in: ids }, status: { in: ["graded", "error"] } } })) === ids.length, remaining());
    } finally {
      gradingDone = true;
      await Promise.all(raters);
    }
    expect(failures).toEqual([]);
    expect(ids).toHaveLength(12);
    expect(ratings).toBeGreaterThanOrEqual(30);
    // Every submit is graded once, and its review is there as soon as its grade is: nobody opened /review.
    const rows = await t.db.submission.findMany({ where: { id: { in: ids } } });
    expect(rows.map((r) => r.status)).toEqual(ids.map(() => "graded"));
    const logs = await t.db.srsReviewLog.findMany({ where: { id: { in: ids.map(submissionLogId) } }, select: { id: true } });
    expect(logs.map((l) => l.id).sort()).toEqual(ids.map(submissionLogId).sort());
    // What the daemon said, not its fields: a JSON log line's "grade":"failed" is a learner's failed grade.
    const messages = daemonOutput.split("\n").filter(Boolean).map(logMessage);
    expect(messages.filter((m) => /failed|timed out/i.test(m))).toEqual([]);
  }, 300_000);
});

/** The message of one output line: pino's `msg` for a JSON line, the line itself otherwise. */
function logMessage(line: string): string {
  try {
    const parsed: unknown = JSON.parse(line);
    if (parsed && typeof parsed === "object" && "msg" in parsed && typeof parsed.msg === "string") return parsed.msg;
  } catch {
    // not JSON: a plain line
  }
  return line;
}
