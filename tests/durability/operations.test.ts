// `npm start` as an operator runs it: kill -9 of the grading daemon during a burst of submissions, SIGTERM to
// npm (what `docker stop` and most supervisors send) while submissions are being graded, SIGINT to the start
// script. What must hold: every submission graded exactly once, the web server answering throughout, no
// submission stored as an error because of a stop, and no process left behind after a stop.
//
// Uses the production build in LACUNA_NEXT_DIST_DIR (default .next), building it first when stale, like npm
// start itself; ports from LACUNA_E2E_PORT + 1 and LACUNA_GRADER_PORT + 1 (defaults 3101 and 3903).
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { signalDaemon } from "@/lib/grading/client";
import { createSubmission } from "@/lib/grading/service";
import { submissionLogId } from "@/lib/review/exercise-grades";
import { costMisconception, costSlug, costSolution, createLearner, repoRoot } from "../api/helpers";
import { waitUntil } from "./helpers";

const webPort = Number(process.env.LACUNA_E2E_PORT ?? 3100) + 1;
const graderPort = Number(process.env.LACUNA_GRADER_PORT ?? 3902) + 1;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "lacuna-ops-"));
const databaseUrl = `file:${path.join(dataDir, "lacuna.db")}`;
// Startup may include `next build` on a loaded machine.
const STARTUP_MS = 360_000;

interface App {
  npm: ChildProcess;
  /** The last 20,000 characters of everything it printed (for failure messages). */
  output: () => string;
  /** Every line npm start's supervisor printed ("[lacuna] …"), kept whole: the web server's JSON request log
   * (one line per request, the watcher's polls included) pushes them out of `output`'s window under load. */
  supervisor: () => string[];
}

function startApp(): App {
  let output = "";
  // Its own process group, so that the test can clean up whatever a failed test leaves.
  const npm = spawn("npm", ["start"], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(webPort),
      LACUNA_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: `http://localhost:${webPort}`,
      NEXTAUTH_SECRET: "lacuna-operations-test-secret",
      LACUNA_GRADER_PORT: String(graderPort),
      LACUNA_GRADER_WORKERS: "2",
      LACUNA_GRADER_POLL_MS: "500",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const supervisor: string[] = [];
  const partial = { stdout: "", stderr: "" };
  const take = (stream: "stdout" | "stderr") => (c: Buffer) => {
    const text = c.toString();
    output = (output + text).slice(-20_000);
    const lines = (partial[stream] + text).split("\n");
    partial[stream] = lines.pop()!;
    for (const line of lines) if (line.includes("[lacuna]")) supervisor.push(line);
  };
  npm.stdout?.on("data", take("stdout"));
  npm.stderr?.on("data", take("stderr"));
  return { npm, output: () => output, supervisor: () => supervisor };
}

async function webUp(): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${webPort}/signin`, { signal: AbortSignal.timeout(10_000), redirect: "manual" });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** The daemon's pid, from its worker id (host:pid:random) on its health endpoint; null when it is down. */
async function daemonPid(): Promise<number | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${graderPort}/health`, { signal: AbortSignal.timeout(5_000) });
    const body = (await response.json()) as { workerId: string };
    return Number(/:(\d+):[0-9a-f]+$/.exec(body.workerId)?.[1]);
  } catch {
    return null;
  }
}

async function waitForApp(app: App): Promise<void> {
  await waitUntil(async () => app.npm.exitCode !== null || ((await webUp()) && (await daemonPid()) !== null), STARTUP_MS, app.output, 500);
  if (app.npm.exitCode !== null) throw new Error(`npm start exited (${app.npm.exitCode}):\n${app.output()}`);
}

/** Every process in the session of the app: pid, its process group and command line. */
function processesOf(pgids: Set<number>): { pid: number; pgid: number; cmd: string }[] {
  const table = execFileSync("ps", ["-eo", "pid=,pgid=,args="], { encoding: "utf8" });
  return table
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), pgid: Number(m[2]), cmd: m[3]! }))
    .filter((p) => pgids.has(p.pgid));
}

/** The process groups of npm and of everything it started (each child of the start script leads its own). */
function groupsOf(root: number): Set<number> {
  const table = execFileSync("ps", ["-eo", "pid=,ppid=,pgid="], { encoding: "utf8" })
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter((row) => row.length === 3);
  const pids = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of table) {
      if (!pids.has(pid!) && pids.has(ppid!)) {
        pids.add(pid!);
        grew = true;
      }
    }
  }
  return new Set(table.filter(([pid]) => pids.has(pid!)).map(([, , pgid]) => pgid!));
}

let db: Db;
let app: App | null = null;
let groups = new Set<number>();

async function submitBurst(userId: string, count: number): Promise<string[]> {
  const sources = [costSolution(), costMisconception("missing-one-half"), costMisconception("divides-by-n")];
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await createSubmission(
      db,
      userId,
      { slug: costSlug, source: sources[i % sources.length]!, kind: i % 4 === 3 ? "run" : "submit" },
      { wake: () => signalDaemon(graderPort), rate: { limit: 1000, windowMs: 30_000 } },
    );
    expect(created.status).toBe(202);
    ids.push((created.body as { id: string }).id);
  }
  return ids;
}

const finished = async (ids: string[]) => (await db.submission.count({ where: { id: { in: ids }, status: { in: ["graded", "error"] } } })) === ids.length;

beforeAll(async () => {
  app = startApp();
  await waitForApp(app);
  groups = groupsOf(app.npm.pid!);
  db = createDb(databaseUrl);
}, STARTUP_MS + 30_000);

afterAll(async () => {
  // Whatever a failed test left running (also when the app never came up: npm leads its own group).
  if (app?.npm.pid) {
    groups = new Set([...groups, app.npm.pid, ...(app.npm.exitCode === null ? groupsOf(app.npm.pid) : [])]);
  }
  for (const pgid of groups) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      /* gone */
    }
  }
  await db?.$disconnect();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe("npm start under an operator's hands", () => {
  it("kill -9 of the grading daemon during a burst: it is restarted, every submission is graded once, the web server never goes down", async () => {
    const learner = await createLearner(db, "ops");
    const firstPid = await daemonPid();
    expect(firstPid).toBeGreaterThan(0);
    let webDown = 0;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        if (!(await webUp())) webDown += 1;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    try {
      const ids = await submitBurst(learner.id, 12);
      // Killed while it grades: some row is running under it.
      await waitUntil(async () => (await db.submission.count({ where: { id: { in: ids }, status: "running" } })) > 0, 60_000);
      process.kill(firstPid!, "SIGKILL");
      await waitUntil(async () => {
        const pid = await daemonPid();
        return pid !== null && pid !== firstPid;
      }, 90_000, app!.output);
      await waitUntil(() => finished(ids), 150_000, app!.output, 250);
      const rows = await db.submission.findMany({ where: { id: { in: ids } } });
      expect(rows.map((r) => r.status)).toEqual(ids.map(() => "graded"));
      // Once: each submit has exactly one review (the log id is fixed per submission), no row graded twice.
      const submits = rows.filter((r) => r.kind === "submit").map((r) => r.id);
      expect(await db.srsReviewLog.count({ where: { id: { in: submits.map(submissionLogId) } } })).toBe(submits.length);
      expect(rows.every((r) => r.gradingAttempts >= 1 && r.gradingAttempts <= 2)).toBe(true);
      expect(app!.supervisor().join("\n")).toMatch(/grader exited \(SIGKILL\); restarting it/);
    } finally {
      watching = false;
      await watcher;
    }
    expect(webDown).toBe(0);
    expect(app!.npm.exitCode).toBeNull();
  }, 330_000);

  it("SIGTERM to npm mid-grade: nothing is stored as an error, every process stops, and the next start grades what was re-queued", async () => {
    const learner = await createLearner(db, "ops");
    const ids = await submitBurst(learner.id, 8);
    await waitUntil(async () => (await db.submission.count({ where: { id: { in: ids }, status: "running" } })) > 0, 60_000);
    // A daemon restarted by an earlier test leads a process group the start-up snapshot never saw.
    groups = new Set([...groups, ...groupsOf(app!.npm.pid!)]);
    const before = processesOf(groups);
    expect(before.some((p) => p.cmd.includes("grading-daemon"))).toBe(true);
    expect(before.some((p) => p.cmd.includes("sandbox/worker"))).toBe(true);
    const npm = app!.npm;
    const exited = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
    process.kill(npm.pid!, "SIGTERM");
    expect(await exited).toBe(0);
    await waitUntil(() => processesOf(groups).length === 0, 30_000, () => JSON.stringify(processesOf(groups), null, 1));
    const rows = await db.submission.findMany({ where: { id: { in: ids } } });
    expect(rows.filter((r) => r.status === "error")).toEqual([]);
    expect(rows.filter((r) => r.status === "running")).toEqual([]);
    // The stop was nobody's fault: a re-queued row's attempt is not counted.
    expect(rows.every((r) => r.status === "queued" ? r.gradingAttempts === 0 : r.gradingAttempts === 1)).toBe(true);

    // Started again, it grades what the stop re-queued; SIGINT to the start script (Ctrl-C) stops it all.
    app = startApp();
    await waitForApp(app);
    groups = groupsOf(app.npm.pid!);
    await waitUntil(() => finished(ids), 150_000, app.output, 250);
    expect((await db.submission.findMany({ where: { id: { in: ids } } })).map((r) => r.status)).toEqual(ids.map(() => "graded"));
    const again = app.npm;
    const stopped = new Promise<number | null>((resolve) => again.once("exit", (code) => resolve(code)));
    process.kill(again.pid!, "SIGINT");
    expect(await stopped).toBe(0);
    await waitUntil(() => processesOf(groups).length === 0, 30_000, () => JSON.stringify(processesOf(groups), null, 1));
  }, STARTUP_MS + 300_000);
});
