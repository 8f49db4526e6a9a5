/**
 * bench/load (`npm run bench:load`): simulated learners against the real app on PostgreSQL, as `npm start` runs
 * it (LACUNA_LOCAL_WORKER=0: web only) plus 1, 2 and 4 grader workers (`npm run worker`'s script), load generated
 * with autocannon 8 (one instance per learner, one connection each, requests only to 127.0.0.1).
 *
 * Learners (each signed in with its own session cookie), by share of --learners:
 *   40 % pages:       GET /, GET /exercises, GET /exercises/linear-regression-cost
 *   30 % reviews:     GET /review, GET /api/review/session, POST /api/review/rate (the card it showed, "Good")
 *   30 % submissions: POST /api/submissions (¾ runs, ¼ submits), then GET …/events until the grade arrives
 * For each worker count: --duration seconds of that mix; p50/p95/p99 per route, errors (status ≥ 400 other than
 * an expected 409 of a review with no card left, connection errors, timeouts), graded submissions per second.
 * Then the soak: submitters only until --soak submissions are stored in all (default 10,000), RSS of each
 * process at the start and at every fifth of the way, and the CPU time web, workers (with their sandbox
 * processes) and the database's backends spent per submission. Printed, never asserted; the 1-minute load
 * average beside each figure (the machine is shared).
 *
 *   npm run bench:load
 *   npm run bench:load -- --duration 20 --learners 20 --workers 1,2 --soak 2000 [--json]
 */
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { z } from "zod";
import { hashPassword } from "../lib/password";
import { createTestDb, type TestDb } from "../tests/helpers/db";
import { buildIfStale, CookieJar, killGroup, signIn, stopProcess, waitFor, type Web } from "../tests/helpers/web-app";
import { costSlug, costSolution, repoRoot } from "../tests/api/helpers";
import { startWorker, type WorkerProcess } from "../tests/scale/helpers";
import { treeCpuMs } from "./phases";

const argsSchema = z.object({
  duration: z.coerce.number().int().min(5).max(3600),
  learners: z.coerce.number().int().min(3).max(500),
  workers: z.array(z.coerce.number().int().min(1).max(16)).min(1),
  soak: z.coerce.number().int().min(0).max(1_000_000),
  port: z.coerce.number().int().min(1024).max(65535),
  json: z.boolean(),
});
type Args = z.infer<typeof argsSchema>;

function parse(): Args {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "60" },
      learners: { type: "string", default: "50" },
      workers: { type: "string", default: "1,2,4" },
      soak: { type: "string", default: "10000" },
      port: { type: "string", default: "3973" },
      json: { type: "boolean", default: false },
    },
  });
  const parsed = argsSchema.safeParse({ ...values, workers: values.workers.split(",") });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  return parsed.data;
}

const PASSWORD = "bench-load-password";
/** `npm run worker`'s defaults for a job's expiry and the queue's maintenance, not the fault tests' fast ones. */
const WORKER_ENV = { LACUNA_QUEUE_EXPIRE_S: "120", LACUNA_QUEUE_MAINTENANCE_S: "15" };
const load1 = () => Math.round(os.loadavg()[0]! * 10) / 10;
const round1 = (x: number) => Math.round(x * 10) / 10;

function quantile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN;
}

// ------------------------------------------------------------------------------------------------ processes

interface ProcInfo {
  pid: number;
  ppid: number;
  args: string;
}

function processTable(): ProcInfo[] {
  return execFileSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" })
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3]! }));
}

/** `root` and every process below it. */
function treeOf(root: number, table = processTable()): ProcInfo[] {
  const pids = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of table) if (!pids.has(p.pid) && pids.has(p.ppid)) (pids.add(p.pid), (grew = true));
  }
  return table.filter((p) => pids.has(p.pid));
}

/** Resident memory in MB, or 0 for a process that is gone. */
function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Math.round(Number(kb) / 102.4) / 10 : 0;
  } catch {
    return 0;
  }
}

const NAMES: [RegExp, string][] = [
  [/next-server/, "next-server"],
  [/bin\/next start/, "next start"],
  [/scripts\/start\.ts/, "supervisor (start.ts)"],
  [/grading-daemon/, "worker"],
  [/esbuild/, "esbuild service"],
  [/^npm/, "npm"],
];
const shortName = (args: string) => NAMES.find(([pattern]) => pattern.test(args))?.[1] ?? path.basename(args.split(" ").find((a) => a.endsWith(".js") || a.endsWith(".ts")) ?? args.slice(0, 30));

// ------------------------------------------------------------------------------------------------ the app

interface App extends Web {
  dataDir: string;
}

function startApp(port: number, databaseUrl: string): App {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "lacuna-bench-load-"));
  const child = spawn("npm", ["start"], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      LACUNA_DATA_DIR: dataDir,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: "bench-load-secret-0123456789abcdef",
      // Workers are started by the bench (1, 2, 4); the learners submit as fast as grades come back, far over
      // a course's rate limit, which is not what is measured here.
      LACUNA_LOCAL_WORKER: "0",
      LACUNA_SUBMISSION_LIMIT: "10000",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  let text = "";
  child.stdout!.on("data", (c: Buffer) => (text = (text + c.toString()).slice(-20_000)));
  child.stderr!.on("data", (c: Buffer) => (text = (text + c.toString()).slice(-20_000)));
  return { child, output: () => text, origin: `http://127.0.0.1:${port}`, dataDir };
}

// ------------------------------------------------------------------------------------------------ learners

type Kind = "pages" | "reviews" | "submissions";

interface Learner {
  email: string;
  cookie: string;
  kind: Kind;
}

const cardSchema = z.object({ current: z.object({ itemType: z.enum(["flashcard", "misconception"]), itemId: z.string(), lastReview: z.string().nullable() }).nullable() });

interface Step {
  route: string;
  method: "GET" | "POST";
  path: string | ((state: LearnerState) => string);
  body?: (state: LearnerState) => string;
  onBody?: (state: LearnerState, status: number, body: string) => void;
}

interface LearnerState {
  submissions: number;
  lastId: string | null;
  card: z.infer<typeof cardSchema>["current"];
}

const source = costSolution();

function stepsOf(kind: Kind): Step[] {
  if (kind === "pages") {
    return [
      { route: "GET /", method: "GET", path: "/" },
      { route: "GET /exercises", method: "GET", path: "/exercises" },
      { route: "GET /exercises/[slug]", method: "GET", path: `/exercises/${costSlug}` },
    ];
  }
  const takeCard = (state: LearnerState, status: number, body: string) => {
    if (status !== 200) return;
    const parsed = cardSchema.safeParse("session" in JSON.parse(body) ? JSON.parse(body).session : JSON.parse(body));
    state.card = parsed.success ? parsed.data.current : null;
  };
  if (kind === "reviews") {
    return [
      { route: "GET /review", method: "GET", path: "/review" },
      { route: "GET /api/review/session", method: "GET", path: "/api/review/session", onBody: takeCard },
      {
        route: "POST /api/review/rate",
        method: "POST",
        path: "/api/review/rate",
        // No card due (every new card of the day taken): rating a card already rated is the stale screen's 409.
        body: (state) => JSON.stringify({ itemType: state.card?.itemType ?? "flashcard", itemId: state.card?.itemId ?? "no-card-left", rating: 3, lastReview: state.card?.lastReview ?? null, durationMs: 4000 }),
        onBody: takeCard,
      },
    ];
  }
  return [
    {
      route: "POST /api/submissions",
      method: "POST",
      path: "/api/submissions",
      body: (state) => JSON.stringify({ slug: costSlug, source, kind: state.submissions++ % 4 === 3 ? "submit" : "run" }),
      onBody: (state, status, body) => (state.lastId = status === 202 ? (JSON.parse(body) as { id: string }).id : null),
    },
    // The learner waits for the grade as the exercise page does: the event stream ends with the result.
    { route: "GET /api/submissions/[id]/events (grade)", method: "GET", path: (state) => `/api/submissions/${state.lastId ?? "none"}/events` },
  ];
}

interface RouteStats {
  latencies: number[];
  errors: number;
  statuses: Map<number, number>;
}

type Stats = Map<string, RouteStats>;

function record(stats: Stats, route: string, status: number, ms: number): void {
  let entry = stats.get(route);
  if (!entry) stats.set(route, (entry = { latencies: [], errors: 0, statuses: new Map() }));
  entry.latencies.push(ms);
  entry.statuses.set(status, (entry.statuses.get(status) ?? 0) + 1);
  const expected = status < 400 || (status === 409 && route === "POST /api/review/rate");
  if (!expected) entry.errors++;
}

/** One autocannon instance per learner (one connection), the learner's steps in a loop; resolves when done. */
function runLearner(origin: string, learner: Learner, stats: Stats, limit: { duration?: number; amount?: number }): Promise<{ errors: number; timeouts: number }> {
  const state: LearnerState = { submissions: 0, lastId: null, card: null };
  const steps = stepsOf(learner.kind);
  let answered = steps[0]!.route;
  const requests = steps.map((step) => ({
    method: step.method,
    path: typeof step.path === "string" ? step.path : "/",
    headers: { cookie: learner.cookie, origin, "content-type": "application/json" },
    setupRequest: (request: autocannon.Request) => ({
      ...request,
      path: typeof step.path === "string" ? step.path : step.path(state),
      ...(step.body ? { body: step.body(state) } : {}),
    }),
    onResponse: (status: number, body: string) => {
      answered = step.route;
      try {
        step.onBody?.(state, status, body);
      } catch {
        // an unexpected body: the status, recorded below, says what went wrong
      }
    },
  }));
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: origin, connections: 1, pipelining: 1, timeout: 120, requests, ...(limit.amount ? { amount: limit.amount * steps.length } : { duration: limit.duration }) },
      (error, result) => (error ? reject(error) : resolve({ errors: result.errors, timeouts: result.timeouts })),
    );
    (instance as unknown as NodeJS.EventEmitter).on("response", (_client: unknown, status: number, _bytes: number, ms: number) => record(stats, answered, status, ms));
  });
}

async function createLearners(t: TestDb, origin: string, count: number): Promise<Learner[]> {
  const passwordHash = await hashPassword(PASSWORD);
  const stamp = Date.now().toString(36);
  const kinds: Kind[] = Array.from({ length: count }, (_, i) => (i < Math.round(count * 0.4) ? "pages" : i < Math.round(count * 0.7) ? "reviews" : "submissions"));
  const learners = kinds.map((kind, i) => ({ email: `load-${stamp}-${i}@example.test`, kind, cookie: "" }));
  await t.db.user.createMany({ data: learners.map((l, i) => ({ email: l.email, name: `Load ${i}`, passwordHash })) });
  // Enough new cards a day for every rating of the run.
  const users = await t.db.user.findMany({ where: { email: { in: learners.map((l) => l.email) } }, select: { id: true } });
  await t.db.srsSettings.createMany({ data: users.map((u) => ({ userId: u.id, dailyNewLimit: 1000 })) });
  let next = 0;
  const lane = async () => {
    while (next < learners.length) {
      const learner = learners[next++]!;
      const jar = new CookieJar();
      await signIn(origin, jar, learner.email, PASSWORD);
      learner.cookie = jar.header();
    }
  };
  await Promise.all(Array.from({ length: 4 }, lane));
  return learners;
}

// ------------------------------------------------------------------------------------------------ measuring

interface RouteRow {
  route: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  statuses: Record<string, number>;
}

function routeRows(stats: Stats): RouteRow[] {
  return [...stats].map(([route, s]) => {
    const sorted = [...s.latencies].sort((a, b) => a - b);
    return { route, requests: sorted.length, p50: round1(quantile(sorted, 0.5)), p95: round1(quantile(sorted, 0.95)), p99: round1(quantile(sorted, 0.99)), errors: s.errors, statuses: Object.fromEntries(s.statuses) };
  });
}

async function gradedCount(db: TestDb["db"]): Promise<number> {
  return db.submission.count({ where: { status: { in: ["graded", "error"] } } });
}

/** The database's backends of this database (pids on this machine), for their CPU time. */
async function backendPids(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

interface MixRun {
  workers: number;
  seconds: number;
  routes: RouteRow[];
  connectionErrors: number;
  timeouts: number;
  stored: number;
  graded: number;
  gradedPerSecond: number;
  load: [number, number];
}

async function mix(app: App, t: TestDb, learners: Learner[], workers: number, duration: number): Promise<MixRun> {
  const stats: Stats = new Map();
  const storedBefore = await t.db.submission.count();
  const gradedBefore = await gradedCount(t.db);
  const loadBefore = load1();
  const started = performance.now();
  const results = await Promise.all(learners.map((learner) => runLearner(app.origin, learner, stats, { duration })));
  const seconds = (performance.now() - started) / 1000;
  const graded = (await gradedCount(t.db)) - gradedBefore;
  return {
    workers,
    seconds: round1(seconds),
    routes: routeRows(stats),
    connectionErrors: results.reduce((n, r) => n + r.errors, 0),
    timeouts: results.reduce((n, r) => n + r.timeouts, 0),
    stored: (await t.db.submission.count()) - storedBefore,
    graded,
    gradedPerSecond: round1(graded / seconds),
    load: [loadBefore, load1()],
  };
}

interface MemoryPoint {
  submissions: number;
  load: number;
  rss: Record<string, number>;
}

interface Soak {
  workers: number;
  submissions: number;
  memory: MemoryPoint[];
  cpuMsPerSubmission: { web: number; workers: number; database: number };
  routes: RouteRow[];
  load: [number, number];
}

async function soak(app: App, t: TestDb, learners: Learner[], workers: WorkerProcess[], total: number): Promise<Soak> {
  const submitters = learners.filter((l) => l.kind === "submissions");
  const workerTrees = () => workers.flatMap((w, i) => treeOf(w.child.pid!).map((p) => ({ ...p, label: `${shortName(p.args)} ${i + 1}` })));
  const snapshot = async (): Promise<MemoryPoint> => {
    const rss: Record<string, number> = {};
    for (const p of treeOf(app.child.pid!)) rss[`web: ${shortName(p.args)} (${p.pid})`] = rssMb(p.pid);
    for (const p of workerTrees()) rss[`${p.label} (${p.pid})`] = rssMb(p.pid);
    return { submissions: await t.db.submission.count(), load: load1(), rss };
  };
  const cpu = async () => ({
    web: treeCpuMs(app.child.pid!),
    workers: workers.reduce((n, w) => n + treeCpuMs(w.child.pid!), 0),
    database: (await backendPids(t.url)).reduce((n, pid) => n + treeCpuMs(pid, false), 0),
  });

  const memory = [await snapshot()];
  const stats: Stats = new Map();
  const loadBefore = load1();
  const cpuBefore = await cpu();
  const storedBefore = memory[0]!.submissions;
  const toGo = Math.max(0, total - storedBefore);
  const rounds = 5;
  for (let round = 0; round < rounds; round++) {
    // Each submitter's share of this fifth (POST + grade per submission).
    const perLearner = Math.max(1, Math.ceil(toGo / rounds / submitters.length));
    await Promise.all(submitters.map((learner) => runLearner(app.origin, learner, stats, { amount: perLearner })));
    await waitFor("the queue to drain", async () => (await gradedCount(t.db)) >= (await t.db.submission.count()), app.output, 600_000);
    memory.push(await snapshot());
  }
  const cpuAfter = await cpu();
  const done = (await t.db.submission.count()) - storedBefore;
  const per = (key: keyof typeof cpuBefore) => round1((cpuAfter[key] - cpuBefore[key]) / Math.max(1, done));
  return { workers: workers.length, submissions: done, memory, cpuMsPerSubmission: { web: per("web"), workers: per("workers"), database: per("database") }, routes: routeRows(stats), load: [loadBefore, load1()] };
}

// ------------------------------------------------------------------------------------------------ printing

function printRoutes(rows: RouteRow[]): void {
  console.log(`  ${"route".padEnd(42)} ${"requests".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"errors".padStart(7)}  statuses`);
  for (const r of rows) {
    console.log(`  ${r.route.padEnd(42)} ${String(r.requests).padStart(8)} ${String(r.p50).padStart(8)} ${String(r.p95).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(7)}  ${JSON.stringify(r.statuses)}`);
  }
}

function steadiness(memory: MemoryPoint[]): string[] {
  const first = memory[0]!;
  const second = memory[1] ?? first;
  const last = memory[memory.length - 1]!;
  return Object.keys(last.rss).map((name) => {
    const start = first.rss[name] ?? 0;
    const warm = second.rss[name] ?? start;
    const end = last.rss[name]!;
    // Steady: after the first fifth (warm-up: JIT, caches filling), within 10 % or 20 MB.
    const steady = end - warm <= Math.max(20, warm * 0.1);
    return `  ${name.padEnd(44)} ${String(start).padStart(7)} → ${String(warm).padStart(7)} → ${String(end).padStart(7)} MB  ${steady ? "steady" : "GROWING"}`;
  });
}

// ------------------------------------------------------------------------------------------------ main

async function main(): Promise<void> {
  const args = parse();
  const log = (m: string) => !args.json && console.log(`[bench:load] ${m}`);
  await buildIfStale(log);
  const t = await createTestDb("postgres");
  const app = startApp(args.port, t.url);
  const workers: WorkerProcess[] = [];
  try {
    log(`npm start on PostgreSQL (${new URL(t.url).pathname.slice(1)}), port ${args.port}…`);
    await waitFor(
      "npm start",
      async () => {
        if (app.child.exitCode !== null) throw new Error(`npm start exited:\n${app.output()}`);
        const response = await fetch(`${app.origin}/api/health`, { signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        return response.ok;
      },
      app.output,
      600_000,
    );
    const learners = await createLearners(t, app.origin, args.learners);
    log(`${learners.length} learners signed in; load average ${load1()}`);
    // Warm-up, not measured: each learner's steps once (Next compiles nothing at run time, but V8 and the
    // caches start cold).
    workers.push(await startWorker(t.url, WORKER_ENV));
    await Promise.all(learners.map((learner) => runLearner(app.origin, learner, new Map(), { amount: 1 })));

    const mixes: MixRun[] = [];
    for (const count of [...args.workers].sort((a, b) => a - b)) {
      while (workers.length < count) workers.push(await startWorker(t.url, WORKER_ENV));
      await waitFor("the queue to drain", async () => (await gradedCount(t.db)) >= (await t.db.submission.count()), app.output, 600_000);
      log(`${count} worker process(es): ${args.duration} s of the mix…`);
      const run = await mix(app, t, learners, count, args.duration);
      mixes.push(run);
      if (!args.json) {
        console.log(`\n${count} worker process(es), ${run.seconds} s, load average ${run.load[0]} → ${run.load[1]}: ${run.stored} submissions stored, ${run.graded} graded (${run.gradedPerSecond}/s); connection errors ${run.connectionErrors}, timeouts ${run.timeouts}`);
        printRoutes(run.routes);
      }
      if (run.routes.some((r) => Object.keys(r.statuses).some((status) => status >= "500"))) console.error(`server errors; the server's last output:\n${app.output().slice(-4000)}`);
    }

    let soaked: Soak | null = null;
    if (args.soak > 0) {
      // The soak with the best worker count of the mix runs (on 2 cores more workers stop helping).
      const best = mixes.reduce((a, b) => (b.gradedPerSecond > a.gradedPerSecond ? b : a));
      for (const extra of workers.splice(best.workers)) await extra.stop();
      log(`soak: submissions until ${args.soak} are stored, ${best.workers} worker process(es)…`);
      soaked = await soak(app, t, learners, workers, args.soak);
      if (!args.json) {
        console.log(`\nSoak: ${soaked.submissions} submissions with ${soaked.workers} worker process(es), load average ${soaked.load[0]} → ${soaked.load[1]}`);
        printRoutes(soaked.routes);
        console.log(`  RSS at ${soaked.memory.map((m) => `${m.submissions} (load ${m.load})`).join(" → ")} submissions:`);
        for (const line of steadiness(soaked.memory)) console.log(line);
        const c = soaked.cpuMsPerSubmission;
        console.log(`  CPU per submission: web ${c.web} ms, workers (with sandboxes) ${c.workers} ms, PostgreSQL backends ${c.database} ms`);
      }
    }
    if (args.json) console.log(JSON.stringify({ args, cpus: os.cpus().length, mixes, soak: soaked }, null, 2));
  } finally {
    for (const worker of workers) await worker.stop();
    await stopProcess(app.child);
    killGroup(app.child);
    rmSync(app.dataDir, { recursive: true, force: true });
    await t.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
