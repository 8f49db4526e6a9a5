/**
 * bench/web: how long a learner waits between pressing Submit and seeing the grade, with the real app.
 *
 * Builds the app if its build is stale (under /tmp/lacuna-next-build.lock), then starts `next start` on a
 * 32xx port and the grading daemon (scripts/grading-daemon.ts) on a 39xx control port, both on a throw-away
 * data directory and SQLite file. Creates N learners in the database and signs each in through next-auth's
 * real credentials flow. Then, for R rounds, every learner POSTs /api/submissions at the same moment (a mix
 * of correct and wrong code for linear-regression-cost; even rounds "submit", odd rounds "run") and reads
 * GET /api/submissions/[id]/events until the result event. Measured per submission: POST → result event
 * (the learner's wait) and the grader's own time from the report, so the pipeline's overhead shows apart.
 * Also the exercise page's load time: GET /exercises/linear-regression-cost, or GET /api/exercises when the
 * page does not exist yet (the output says which).
 *
 *   npm run bench:web                 # table
 *   npm run bench:web -- --json       # one JSON object
 *   npm run bench:web -- --learners 20 --rounds 4 --port 3210 --grader-port 3910
 *   npm run bench:web -- --profile-dir /tmp/prof   # also V8 CPU profiles of the web server and the daemon
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { createDb } from "../lib/db";
import { hashPassword } from "../lib/password";
import { BUILD_INPUTS, buildIsStale, NEXT_BIN } from "../scripts/lib/build";
import { migrateDatabase } from "../scripts/lib/migrate";

const repoRoot = path.resolve(import.meta.dirname, "..");
const SLUG = "linear-regression-cost";
const GOAL_P95_MS = 300;

const argsSchema = z.object({
  json: z.boolean(),
  learners: z.number().int().min(1).max(200),
  rounds: z.number().int().min(1).max(9),
  port: z.number().int().min(3200).max(3299),
  graderPort: z.number().int().min(3900).max(3999),
  /** Writes V8 CPU profiles of the web server and the daemon (node --cpu-prof) into this folder. */
  profileDir: z.string().nullable(),
});

function parseArgs(argv: string[]): z.infer<typeof argsSchema> {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  return argsSchema.parse({
    json: argv.includes("--json"),
    learners: value("learners", 20),
    rounds: value("rounds", 4),
    port: value("port", 3210),
    graderPort: value("grader-port", 3910),
    profileDir: argv.includes("--profile-dir") ? path.resolve(argv[argv.indexOf("--profile-dir") + 1] ?? ".") : null,
  });
}

// ------------------------------------------------------------------------------------------------ build

async function buildIfStale(log: (m: string) => void): Promise<void> {
  // Another engineer's `next build` (npm start, e2e tests) may hold .next: wait for it, then re-check.
  for (let attempt = 0; ; attempt++) {
    try {
      return buildOnceIfStale(log);
    } catch (error) {
      if (attempt >= 20 || !/Another next build process is already running/.test((error as Error).message)) throw error;
      log("another next build is running; waiting…");
      await new Promise((resolve) => setTimeout(resolve, 15_000));
    }
  }
}

function buildOnceIfStale(log: (m: string) => void): void {
  if (!buildIsStale()) return;
  log("building the app (next build)…");
  // One build at a time in this shared tree; a build that finished while we waited is reused.
  const build = spawnSync(
    "flock",
    ["/tmp/lacuna-next-build.lock", "sh", "-c", `test -f .next/BUILD_ID && [ -z "$(find ${BUILD_INPUTS.join(" ")} -newer .next/BUILD_ID -print -quit 2>/dev/null)" ] || "${process.execPath}" "${NEXT_BIN}" build`],
    { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } },
  );
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout.toString().slice(-3000)}\n${build.stderr.toString().slice(-3000)}`);
}

// ------------------------------------------------------------------------------------------------ processes

function startProcess(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  child.stdout?.on("data", (c: Buffer) => (text = (text + c.toString()).slice(-20_000)));
  child.stderr?.on("data", (c: Buffer) => (text = (text + c.toString()).slice(-20_000)));
  return { child, output: () => text };
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return resolve();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }, 15_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      // Its own process group: `next start`'s next-server child stops too.
      process.kill(-child.pid, "SIGTERM");
    } catch {
      resolve();
    }
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not become ready:\n${output()}`);
}

/** CPU time (ms) used so far by a process and all its descendants, from /proc (Linux). */
function treeCpuMs(rootPid: number, includeDescendants = true): number {
  const stats = new Map<number, { ppid: number; cpuTicks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the parenthesised command name: state ppid … utime(14) stime(15), 1-based overall.
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(entry), { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      /* the process ended while we looked */
    }
  }
  let ticks = 0;
  const pending = [rootPid];
  while (pending.length) {
    const pid = pending.pop()!;
    ticks += stats.get(pid)?.cpuTicks ?? 0;
    if (includeDescendants) for (const [child, s] of stats) if (s.ppid === pid) pending.push(child);
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

// ------------------------------------------------------------------------------------------------ learners

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}
function absorbCookies(jar: Map<string, string>, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header of the session. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  absorbCookies(jar, csrf);
  const { csrfToken } = z.object({ csrfToken: z.string() }).parse(await csrf.json());
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/`, json: "true" }),
  });
  absorbCookies(jar, response);
  await response.arrayBuffer();
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error(`sign-in of ${email} failed (${response.status})`);
  return cookieHeader(jar);
}

// ------------------------------------------------------------------------------------------------ measuring

interface Sample {
  kind: "run" | "submit";
  waitMs: number;
  graderMs: number;
  status: string;
  /** Where the wait went: POST answered, row stored → claimed by the daemon, claimed → graded and stored, stored → result event read. */
  phases: { postMs: number; queuedMs: number; gradingMs: number; notifyMs: number; firstStatusMs: number };
}

const healthSchema = z.object({ pool: z.object({ warming: z.number().default(0) }) });

const resultSchema = z.object({
  status: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  gradedAt: z.string().nullable(),
  report: z.object({ timing: z.object({ totalMs: z.number(), queueMs: z.number() }) }).nullable(),
});

/** POST a submission, then read its event stream to the result; the learner's wait in ms. */
async function submitAndWait(base: string, cookie: string, source: string, kind: "run" | "submit"): Promise<Sample> {
  const started = performance.now();
  const startedWall = Date.now();
  const posted = await fetch(`${base}/api/submissions`, {
    method: "POST",
    // Origin as a browser sends it: proxy.ts refuses state-changing requests without this site's Origin.
    headers: { "content-type": "application/json", origin: base, cookie },
    body: JSON.stringify({ slug: SLUG, source, kind }),
  });
  const created = (await posted.json()) as { id?: string; error?: string };
  if (posted.status !== 202 || !created.id) throw new Error(`POST /api/submissions answered ${posted.status}: ${created.error}`);
  const postMs = performance.now() - started;
  const events = await fetch(`${base}/api/submissions/${created.id}/events`, { headers: { cookie, "accept-encoding": "gzip, deflate, br" } });
  if (!events.body) throw new Error("the events answer has no body");
  // Read as it arrives: the first status event must come before the result (no buffering on the way).
  const reader = events.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let firstStatusMs: number | null = null;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
    if (firstStatusMs === null && text.includes("event: status")) firstStatusMs = performance.now() - started;
  }
  const waitMs = performance.now() - started;
  const endWall = startedWall + waitMs;
  const block = text.split("\n\n").find((b) => b.startsWith("event: result"));
  if (!block) throw new Error(`no result event for ${created.id}: ${text.slice(-500)}`);
  const result = resultSchema.parse(JSON.parse(block.slice(block.indexOf("data: ") + 6)));
  const createdAt = Date.parse(result.createdAt);
  const startedAt = result.startedAt ? Date.parse(result.startedAt) : createdAt;
  const gradedAt = result.gradedAt ? Date.parse(result.gradedAt) : startedAt;
  const phases = { postMs, queuedMs: startedAt - createdAt, gradingMs: gradedAt - startedAt, notifyMs: endWall - gradedAt, firstStatusMs: firstStatusMs ?? waitMs };
  return { kind, waitMs, graderMs: result.report?.timing.totalMs ?? 0, status: result.status, phases };
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
const round1 = (x: number) => Math.round(x * 10) / 10;
function summary(values: number[]) {
  return { n: values.length, median: round1(quantile(values, 0.5)), p95: round1(quantile(values, 0.95)), max: round1(Math.max(...values)) };
}

// ------------------------------------------------------------------------------------------------ main

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (message: string) => {
    if (!args.json) console.log(`[bench:web] ${message}`);
  };
  await buildIfStale(log);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "lacuna-bench-web-"));
  const databaseUrl = `file:${path.join(dataDir, "lacuna.db")}`;
  await migrateDatabase(databaseUrl);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(args.port),
    DATABASE_URL: databaseUrl,
    LACUNA_DATA_DIR: dataDir,
    NEXTAUTH_SECRET: "bench-web-secret-0123456789abcdef",
    NEXTAUTH_URL: `http://127.0.0.1:${args.port}`,
    LACUNA_GRADER_PORT: String(args.graderPort),
    // The bench measures latency, not the limiter (10 per 30 s by default, which the baseline would pass).
    LACUNA_SUBMISSION_LIMIT: "1000",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const base = `http://127.0.0.1:${args.port}`;
  const profile = args.profileDir ? ["--cpu-prof", "--cpu-prof-dir", args.profileDir] : [];
  const web = startProcess([...profile, NEXT_BIN, "start", "--port", String(args.port), "--hostname", "127.0.0.1"], env);
  const daemon = startProcess([...profile, "--import", "tsx", path.join(repoRoot, "scripts", "grading-daemon.ts")], env);
  const db = createDb(databaseUrl);
  try {
    await waitFor("next start", async () => (await fetch(`${base}/api/exercises`)).status === 401, web.output);
    await waitFor("grading daemon", async () => (await fetch(`http://127.0.0.1:${args.graderPort}/health`)).ok, daemon.output);
    log(`app on ${base}, daemon on 127.0.0.1:${args.graderPort}, data in ${dataDir}`);
    // The daemon's workers first cache every exercise's pool of hidden seeds (once per start): measure after.
    const warmStarted = performance.now();
    await waitFor(
      "the grader's cache warm-up",
      async () => healthSchema.parse(await (await fetch(`http://127.0.0.1:${args.graderPort}/health`)).json()).pool.warming === 0,
      daemon.output,
      300_000,
    );
    const warmUpMs = performance.now() - warmStarted;
    log(`grader caches warm after ${round1(warmUpMs / 1000)} s`);

    const password = "bench-password-1";
    const passwordHash = await hashPassword(password);
    const learners: { email: string; cookie: string }[] = [];
    for (let i = 0; i < args.learners; i++) {
      const email = `bench-learner-${i}@example.test`;
      await db.user.create({ data: { email, name: `Learner ${i}`, passwordHash } });
      learners.push({ email, cookie: await signIn(base, email, password) });
    }
    log(`${learners.length} learners signed in`);

    const dir = path.join(repoRoot, "exercises", "linear-regression", SLUG);
    const sources = [
      readFileSync(path.join(dir, "solution.ts"), "utf8"),
      ...readdirSync(path.join(dir, "misconceptions")).map((f) => readFileSync(path.join(dir, "misconceptions", f), "utf8")),
    ];
    // Warm-up (not measured): the first grade of an exercise in each worker loads its oracle.
    await Promise.all(learners.slice(0, 4).map((l, i) => submitAndWait(base, l.cookie, sources[i % sources.length]!, i % 2 ? "run" : "submit")));

    // Baseline: one learner alone, one submission at a time.
    const baseline: Sample[] = [];
    for (let i = 0; i < 6; i++) baseline.push(await submitAndWait(base, learners[0]!.cookie, sources[i % sources.length]!, i % 2 ? "run" : "submit"));
    log(`baseline (one learner alone): median ${round1(quantile(baseline.map((b) => b.waitMs), 0.5))} ms`);

    const loadBefore = os.loadavg()[0]!;
    const cpuBefore = { web: treeCpuMs(web.child.pid!), grader: treeCpuMs(daemon.child.pid!), daemonOnly: treeCpuMs(daemon.child.pid!, false) };
    const roundsStarted = performance.now();
    const samples: Sample[] = [];
    for (let round = 0; round < args.rounds; round++) {
      const kind = round % 2 === 0 ? "submit" : "run";
      const results = await Promise.all(learners.map((l, i) => submitAndWait(base, l.cookie, sources[(i + round) % sources.length]!, kind)));
      samples.push(...results);
      log(`round ${round + 1}/${args.rounds} (${kind}): median ${round1(quantile(results.map((r) => r.waitMs), 0.5))} ms`);
    }

    const roundsMs = performance.now() - roundsStarted;
    const cpuPerSubmission = {
      web: round1((treeCpuMs(web.child.pid!) - cpuBefore.web) / samples.length),
      grader: round1((treeCpuMs(daemon.child.pid!) - cpuBefore.grader) / samples.length),
      /** The daemon process alone (claims, stores, HTTP), without its grader workers. */
      daemonOnly: round1((treeCpuMs(daemon.child.pid!, false) - cpuBefore.daemonOnly) / samples.length),
    };

    // The exercise page, signed in, one request at a time.
    const pageProbe = await fetch(`${base}/exercises/${SLUG}`, { headers: { cookie: learners[0]!.cookie } });
    await pageProbe.arrayBuffer();
    const pagePath = pageProbe.status === 200 ? `/exercises/${SLUG}` : "/api/exercises";
    const pageTimes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const started = performance.now();
      const response = await fetch(`${base}${pagePath}`, { headers: { cookie: learners[i % learners.length]!.cookie } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`GET ${pagePath} answered ${response.status}`);
      if (i >= 5) pageTimes.push(performance.now() - started); // the first few warm Next's route caches
    }

    const waits = samples.map((s) => s.waitMs);
    const result = {
      learners: args.learners,
      rounds: args.rounds,
      graderWarmUpMs: round1(warmUpMs),
      submissions: samples.length,
      cpuCores: os.availableParallelism(),
      errors: samples.filter((s) => s.status !== "graded").length,
      loadAverage1m: { before: round1(loadBefore), after: round1(os.loadavg()[0]!) },
      baselineAloneMs: summary(baseline.map((b) => b.waitMs)),
      submitToResultMs: summary(waits),
      ratioMedianToBaseline: round1(quantile(waits, 0.5) / quantile(baseline.map((b) => b.waitMs), 0.5)),
      submitToResultByKind: {
        submit: summary(samples.filter((s) => s.kind === "submit").map((s) => s.waitMs)),
        run: summary(samples.filter((s) => s.kind === "run").map((s) => s.waitMs)),
      },
      graderTimePerSubmissionMs: summary(samples.map((s) => s.graderMs)),
      phasesMs: {
        postAnswered: summary(samples.map((s) => s.phases.postMs)),
        firstStatusEvent: summary(samples.map((s) => s.phases.firstStatusMs)),
        queuedUntilClaimed: summary(samples.map((s) => s.phases.queuedMs)),
        claimedUntilStored: summary(samples.map((s) => s.phases.gradingMs)),
        storedUntilResultEvent: summary(samples.map((s) => s.phases.notifyMs)),
      },
      goalP95Ms: GOAL_P95_MS,
      // Load-independent: CPU each submission costs (web: next-server for POST + events; grader: daemon and
      // its workers), and what a burst of N would take on this many otherwise idle cores.
      cpuMsPerSubmission: cpuPerSubmission,
      idleMachineBurstEstimateMs: round1((args.learners * (cpuPerSubmission.web + cpuPerSubmission.grader)) / os.availableParallelism()),
      throughputPerSecond: round1(samples.length / (roundsMs / 1000)),
      meetsGoal: quantile(waits, 0.95) <= GOAL_P95_MS,
      page: { path: pagePath, note: pagePath === "/api/exercises" ? `GET /exercises/${SLUG} answered ${pageProbe.status}: not built yet` : null, loadMs: summary(pageTimes) },
    };
    if (args.json) console.log(JSON.stringify(result));
    else {
      const s = result.submitToResultMs;
      console.log(`submissions: ${result.submissions} (${args.learners} learners × ${args.rounds} rounds, all at once per round), errors: ${result.errors}`);
      console.log(`load average (1 min) before/after the rounds: ${result.loadAverage1m.before}/${result.loadAverage1m.after} on ${result.cpuCores} cores`);
      console.log(`baseline, one learner alone: median ${result.baselineAloneMs.median} ms, p95 ${result.baselineAloneMs.p95} ms`);
      console.log(`POST → result event: median ${s.median} ms, p95 ${s.p95} ms, max ${s.max} ms (goal p95 ≤ ${GOAL_P95_MS} ms: ${result.meetsGoal ? "met" : "NOT met"}); median ${result.ratioMedianToBaseline}× the baseline`);
      console.log(`  submit: median ${result.submitToResultByKind.submit.median} ms, p95 ${result.submitToResultByKind.submit.p95} ms; run: median ${result.submitToResultByKind.run.median} ms, p95 ${result.submitToResultByKind.run.p95} ms`);
      console.log(`grader time per submission (from the report): median ${result.graderTimePerSubmissionMs.median} ms, p95 ${result.graderTimePerSubmissionMs.p95} ms`);
      for (const [phase, v] of Object.entries(result.phasesMs)) console.log(`  ${phase}: median ${v.median} ms, p95 ${v.p95} ms`);
      console.log(`CPU per submission: web ${cpuPerSubmission.web} ms, grader ${cpuPerSubmission.grader} ms (daemon process alone ${cpuPerSubmission.daemonOnly} ms); throughput ${result.throughputPerSecond}/s; a burst of ${args.learners} on ${result.cpuCores} idle cores ≈ ${result.idleMachineBurstEstimateMs} ms of CPU`);
      console.log(`page ${pagePath}: median ${result.page.loadMs.median} ms, p95 ${result.page.loadMs.p95} ms${result.page.note ? ` (${result.page.note})` : ""}`);
    }
  } finally {
    await db.$disconnect();
    await Promise.all([stopProcess(web.child), stopProcess(daemon.child)]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
