/**
 * bench/web: how long a learner waits between pressing Submit and seeing the grade, with the real app.
 *
 * Builds the app if its build is stale (under /tmp/lacuna-next-build.lock), then starts `next start` on a
 * 32xx port and the grading daemon (scripts/grading-daemon.ts) on a 39xx control port, both on a throw-away
 * data directory and SQLite file. Creates N learners in the database and signs each in through next-auth's
 * real credentials flow. Then, for R rounds, every learner POSTs /api/submissions at the same moment (a mix
 * of correct and wrong code for linear-regression-cost; even rounds "submit", odd rounds "run") as the
 * exercise page does: with `Prefer: wait=2`, so a grade that lands within 2 s comes back in the POST's answer,
 * and GET /api/submissions/[id]/events is read to the result event only for a slower one. Measured per
 * submission: POST → result (the learner's wait) and the grader's own time from the report, so the
 * pipeline's overhead shows apart; CPU per submission by process and by phase. Also the exercise page's server
 * response time and the JavaScript it loads, and the graded submissions per second when every learner submits
 * back to back. Each goal of issue 16 is printed beside its measured figure.
 *
 *   npm run bench:web                 # table
 *   npm run bench:web -- --json       # one JSON object
 *   npm run bench:web -- --learners 20 --rounds 4 --port 3210 --grader-port 3910
 *   npm run bench:web -- --prefer-wait 0          # the POST never waits: every submission reads the event stream
 *   npm run bench:web -- --throughput --duration 30   # only the throughput: learners submitting back to back for 30 s
 *   npm run bench:web -- --throughput --kind submit   # the same with submits (all cases, the review recorded with each grade)
 *   npm run bench:web -- --profile-dir /tmp/prof   # also V8 CPU profiles of the web server and the daemon
 *   npm run bench:web -- --warm-up 0   # measure a cold server (default: learners submit back to back until the CPU per submission settles, at most 120 s)
 *   npm run bench:web -- --no-phases   # no phase timing (its process.cpuUsage() calls and file writes add ~1 ms of CPU per submission)
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { z } from "zod";
import { createDb } from "../lib/db";
import { hashPassword } from "../lib/password";
import { NEXT_BIN } from "../scripts/lib/build";
import { CookieJar, signIn, startProcess, stopProcess, waitFor } from "../tests/helpers/web-app";
import { SUBMIT_WAIT_SECONDS } from "../app/exercises/[slug]/api-client";
import { prepareBenchApp } from "./app";
import { phaseTable, readPhases, settlePhases, treeCpuMs } from "./phases";
import { warmUpSettled } from "./warm-up";

const repoRoot = path.resolve(import.meta.dirname, "..");
const SLUG = "linear-regression-cost";
/** The warm-up measures its CPU per submission in windows of this many seconds, and stops when it settles. */
const WARM_UP_WINDOW_S = 5;
const GOAL_P95_MS = 300;
/** Issue 16's other goals: one learner alone, web CPU per submission, the exercise page, sustained throughput. */
const GOALS = { aloneP95Ms: 100, webCpuMs: 5, pageP95Ms: 100, perSecond: 150 } as const;

const argsSchema = z.object({
  json: z.boolean(),
  learners: z.number().int().min(1).max(200),
  rounds: z.number().int().min(1).max(9),
  port: z.number().int().min(3200).max(3299),
  graderPort: z.number().int().min(3900).max(3999),
  /** Writes V8 CPU profiles of the web server and the daemon (node --cpu-prof) into this folder. */
  profileDir: z.string().nullable(),
  /** `Prefer: wait=N` on each POST (0: never wait, always read the event stream). */
  preferWait: z.number().int().min(0).max(5),
  /** Only the throughput part (learners submitting back to back), for `durationS` seconds. */
  throughputOnly: z.boolean(),
  durationS: z.number().min(1).max(600),
  /** What the back-to-back learners send: runs (visible cases) or submits (all cases, and a review recorded with the grade). */
  sustainedKind: z.enum(["run", "submit"]),
  /** Phase timing on (LACUNA_PHASE_TIMING_DIR): the phase tables, at a small CPU cost of its own. */
  phases: z.boolean(),
  /**
   * Submissions of the learner alone, one at a time. The processes' CPU is read from /proc in 10 ms ticks, so
   * the CPU per submission alone is exact to 10 ms / this (12, before: ±0.8 ms; 60: ±0.17 ms).
   */
  alone: z.number().int().min(2).max(1000),
  /** At most this many seconds of learners submitting back to back (runs and submits) before anything is measured, less once the CPU per submission settles; 0: a cold server. */
  warmUpS: z.number().min(0).max(600),
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
    preferWait: value("prefer-wait", SUBMIT_WAIT_SECONDS),
    throughputOnly: argv.includes("--throughput"),
    durationS: value("duration", 10),
    sustainedKind: argv.includes("--kind") ? argv[argv.indexOf("--kind") + 1] : "run",
    phases: !argv.includes("--no-phases"),
    warmUpS: value("warm-up", 120),
    alone: value("alone", 60),
  });
}

// ------------------------------------------------------------------------------------------------ measuring

interface Sample {
  kind: "run" | "submit";
  waitMs: number;
  graderMs: number;
  status: string;
  /** The POST's answer carried the result (it waited for the grade); false: the event stream was read. */
  answeredByPost: boolean;
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

/**
 * POST a submission (with `Prefer: wait=<preferWait>`), then, unless the answer carried the result, read its
 * event stream to the result; the learner's wait in ms.
 */
async function submitAndWait(base: string, cookie: string, source: string, kind: "run" | "submit", preferWait: number): Promise<Sample> {
  const started = performance.now();
  const startedWall = Date.now();
  const posted = await fetch(`${base}/api/submissions`, {
    method: "POST",
    // Origin as a browser sends it: proxy.ts refuses state-changing requests without this site's Origin.
    headers: { "content-type": "application/json", origin: base, cookie, ...(preferWait > 0 ? { prefer: `wait=${preferWait}` } : {}) },
    // With the page's language, as the exercise page sends it (else the server reads the learner's saved one).
    body: JSON.stringify({ slug: SLUG, source, kind, lang: "en" }),
  });
  const postedText = await posted.text();
  let created: { id?: string; error?: string };
  try {
    created = JSON.parse(postedText) as { id?: string; error?: string };
  } catch {
    throw new Error(`POST /api/submissions answered ${posted.status} with no JSON: ${postedText.slice(0, 500)}`);
  }
  const postMs = performance.now() - started;
  if (posted.status === 200 && preferWait > 0) {
    const result = resultSchema.parse(created);
    return { kind, ...resultSample(result, postMs, startedWall, postMs, postMs), answeredByPost: true };
  }
  if (posted.status !== 202 || !created.id) throw new Error(`POST /api/submissions answered ${posted.status}: ${created.error}`);
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
  const block = text.split("\n\n").find((b) => b.startsWith("event: result"));
  if (!block) throw new Error(`no result event for ${created.id}: ${text.slice(-500)}`);
  const result = resultSchema.parse(JSON.parse(block.slice(block.indexOf("data: ") + 6)));
  return { kind, ...resultSample(result, waitMs, startedWall, postMs, firstStatusMs ?? waitMs), answeredByPost: false };
}

/** The learner's wait and where it went, from the submission as the result carried it. */
function resultSample(result: z.infer<typeof resultSchema>, waitMs: number, startedWall: number, postMs: number, firstStatusMs: number) {
  const endWall = startedWall + waitMs;
  const createdAt = Date.parse(result.createdAt);
  const startedAt = result.startedAt ? Date.parse(result.startedAt) : createdAt;
  const gradedAt = result.gradedAt ? Date.parse(result.gradedAt) : startedAt;
  const phases = { postMs, queuedMs: startedAt - createdAt, gradingMs: gradedAt - startedAt, notifyMs: endWall - gradedAt, firstStatusMs };
  return { waitMs, graderMs: result.report?.timing.totalMs ?? 0, status: result.status, phases };
}

/**
 * The JavaScript a page loads with its HTML (its <script src> chunks; chunks it imports later on demand are not
 * counted): how many, their bytes raw and gzipped, and whether CodeMirror's or KaTeX's code is among them.
 */
async function pageScripts(base: string, pagePath: string, cookie: string) {
  const html = await (await fetch(`${base}${pagePath}`, { headers: { cookie } })).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&")))];
  let bytes = 0;
  let gzipBytes = 0;
  let codemirror = false;
  let katex = false;
  for (const src of sources) {
    const text = await (await fetch(new URL(src, base))).text();
    bytes += Buffer.byteLength(text);
    gzipBytes += gzipSync(text).length;
    codemirror ||= /cm-editor|EditorView/.test(text);
    // The library's own message, not the "katex" class names that server-rendered math leaves in any chunk.
    katex ||= text.includes("KaTeX parse error");
  }
  return { path: pagePath, scripts: sources.length, kb: round1(bytes / 1024), gzipKb: round1(gzipBytes / 1024), codemirror, katex };
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
  const { dataDir, databaseUrl, base, env } = await prepareBenchApp("web", { web: args.port, grader: args.graderPort }, log, {
    // The bench submits one exercise: the daemon warms that one's seed pool only (all of them take minutes).
    LACUNA_GRADER_PREWARM_SLUGS: SLUG,
    // The bench measures latency, not the limiter (10 per 30 s by default, which the baseline would pass).
    LACUNA_SUBMISSION_LIMIT: "1000",
  });
  // Every process of the path (web, daemon, grader workers) records its phases here (grader/phase-timing.ts).
  env.LACUNA_PHASE_TIMING_DIR = args.phases ? path.join(dataDir, "phases") : "";
  const profile = args.profileDir ? ["--cpu-prof", "--cpu-prof-dir", args.profileDir] : [];
  const web = startProcess([...profile, NEXT_BIN, "start", "--port", String(args.port), "--hostname", "127.0.0.1"], env);
  const daemon = startProcess([...profile, "--import", "tsx", path.join(repoRoot, "scripts", "grading-daemon.ts")], env);
  const db = createDb(databaseUrl);
  /** CPU per submission since `before`: web (next-server), grader (daemon and its workers), the daemon process alone. */
  const cpuSince = (before: { web: number; grader: number; daemonOnly: number }, submissions: number) => ({
    web: round1((treeCpuMs(web.child.pid!) - before.web) / submissions),
    grader: round1((treeCpuMs(daemon.child.pid!) - before.grader) / submissions),
    daemonOnly: round1((treeCpuMs(daemon.child.pid!, false) - before.daemonOnly) / submissions),
  });
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
      const jar = new CookieJar();
      await signIn(base, jar, email, password);
      learners.push({ email, cookie: jar.header() });
    }
    log(`${learners.length} learners signed in`);

    const dir = path.join(repoRoot, "exercises", "linear-regression", SLUG);
    const sources = [
      readFileSync(path.join(dir, "solution.ts"), "utf8"),
      ...readdirSync(path.join(dir, "misconceptions")).map((f) => readFileSync(path.join(dir, "misconceptions", f), "utf8")),
    ];
    const submit = (cookie: string, source: string, kind: "run" | "submit") => submitAndWait(base, cookie, source, kind, args.preferWait);
    // Warm-up (not measured): the first grade of an exercise in each worker loads its oracle.
    await Promise.all(learners.slice(0, 4).map((l, i) => submit(l.cookie, sources[i % sources.length]!, i % 2 ? "run" : "submit")));
    /** Every learner submits again as soon as its result arrives, for `durationMs`; the k-th submission is `kindAt(k)`. */
    const backToBack = async (durationMs: number, kindAt: (k: number) => "run" | "submit"): Promise<Sample[]> => {
      const until = performance.now() + durationMs;
      const done: Sample[] = [];
      await Promise.all(
        learners.map(async (l, i) => {
          for (let k = 0; performance.now() < until; k++) done.push(await submit(l.cookie, sources[(i + k) % sources.length]!, kindAt(k)));
        }),
      );
      return done;
    };
    // Then the whole class, runs and submits, until the CPU per submission stops falling (bench/warm-up.ts): a
    // server that has been serving learners, as at any class's deadline, has V8's optimised code for its hot paths
    // and learners with cards and misconception items; a server started a second ago has neither (measure it with
    // --warm-up 0). Its first submissions cost ~2× the CPU of the settled ones; the curve below shows how many it takes.
    let warmUpSubmissions = 0;
    const warmUpCurve: { second: number; submissions: number; web: number; grader: number }[] = [];
    let warmUpSeconds = 0;
    while (warmUpSeconds < args.warmUpS && !warmUpSettled(warmUpCurve.map((w) => w.web + w.grader))) {
      const cpuBefore = { web: treeCpuMs(web.child.pid!), grader: treeCpuMs(daemon.child.pid!), daemonOnly: treeCpuMs(daemon.child.pid!, false) };
      const windowS = Math.min(WARM_UP_WINDOW_S, args.warmUpS - warmUpSeconds);
      const done = (await backToBack(windowS * 1000, (k) => (k % 2 ? "run" : "submit"))).length;
      warmUpSeconds += windowS;
      warmUpSubmissions += done;
      const cpu = cpuSince(cpuBefore, Math.max(1, done));
      warmUpCurve.push({ second: warmUpSeconds, submissions: warmUpSubmissions, web: cpu.web, grader: cpu.grader });
    }
    const warmUpDone = warmUpSettled(warmUpCurve.map((w) => w.web + w.grader));
    if (args.warmUpS > 0) {
      log(`warm-up: ${warmUpSubmissions} submissions in ${warmUpSeconds} s (not measured); ${warmUpDone ? "the CPU per submission stopped falling" : `the CPU per submission was still falling after ${args.warmUpS} s`}`);
      log(`  CPU per submission (web/grader ms) in each ${WARM_UP_WINDOW_S} s window: ${warmUpCurve.map((w) => `${w.web}/${w.grader}`).join(", ")}`);
    }

    /** Learners back to back for `durationMs` (runs unless --kind submit): graded submissions per second and the CPU each cost. */
    const sustain = async (durationMs: number) => {
      const cpuBefore = { web: treeCpuMs(web.child.pid!), grader: treeCpuMs(daemon.child.pid!), daemonOnly: treeCpuMs(daemon.child.pid!, false) };
      const load = os.loadavg()[0]!;
      const started = performance.now();
      const done = await backToBack(durationMs, () => args.sustainedKind);
      const seconds = (performance.now() - started) / 1000;
      const graded = done.filter((d) => d.status === "graded").length;
      return {
        seconds: round1(seconds),
        submissions: done.length,
        graded,
        gradedPerSecond: round1(graded / seconds),
        waitMs: summary(done.map((d) => d.waitMs)),
        answeredByPost: done.filter((d) => d.answeredByPost).length,
        cpuMsPerSubmission: cpuSince(cpuBefore, Math.max(1, done.length)),
        loadAverage1m: { before: round1(load), after: round1(os.loadavg()[0]!) },
      };
    };
    const perSecondLine = (t: Awaited<ReturnType<typeof sustain>>) =>
      `${t.graded} graded of ${t.submissions} in ${t.seconds} s = ${t.gradedPerSecond}/s (goal ≥ ${GOALS.perSecond}/s: ${t.gradedPerSecond >= GOALS.perSecond ? "met" : "NOT met"}); wait median ${t.waitMs.median} ms, p95 ${t.waitMs.p95} ms; ${t.answeredByPost} answered by the POST; CPU per submission: web ${t.cpuMsPerSubmission.web} ms, grader ${t.cpuMsPerSubmission.grader} ms; load ${t.loadAverage1m.before}/${t.loadAverage1m.after}`;

    /**
     * Nothing traded for speed: every graded submit of the run has its exercise review, recorded in its grade's
     * transaction, and the misconceptions its grades named their Again reviews and items.
     */
    const recordedWithGrades = async () => {
      const [gradedSubmits, exerciseReviews, namingReviews, misconceptionItems] = await Promise.all([
        db.submission.count({ where: { kind: "submit", status: "graded" } }),
        db.srsReviewLog.count({ where: { itemType: "exercise", source: "exercise", submissionId: { not: null } } }),
        db.srsReviewLog.count({ where: { itemType: "misconception", source: "exercise" } }),
        db.misconceptionItem.count(),
      ]);
      return { gradedSubmits, exerciseReviews, namingReviews, misconceptionItems };
    };
    const recordedLine = (r: Awaited<ReturnType<typeof recordedWithGrades>>) =>
      `reviews recorded with the grades: ${r.exerciseReviews} of ${r.gradedSubmits} graded submits${r.exerciseReviews === r.gradedSubmits ? "" : " (MISSING some)"}; ${r.namingReviews} misconception namings, ${r.misconceptionItems} misconception items`;

    if (args.throughputOnly) {
      log(`throughput: ${args.learners} learners submitting back to back for ${args.durationS} s (Prefer: wait=${args.preferWait})`);
      const throughput = await sustain(args.durationS * 1000);
      const recorded = await recordedWithGrades();
      if (args.json) console.log(JSON.stringify({ learners: args.learners, preferWait: args.preferWait, cpuCores: os.availableParallelism(), warmUp: { seconds: warmUpSeconds, submissions: warmUpSubmissions, settled: warmUpDone, curve: warmUpCurve }, throughput, recorded }));
      else console.log(`throughput: ${perSecondLine(throughput)}\n${recordedLine(recorded)}`);
      return;
    }

    // What the processes spend with nothing to do (timers, safety polls), per second: the alone figures below
    // include it for the time each submission takes.
    const idleBefore = { web: treeCpuMs(web.child.pid!), grader: treeCpuMs(daemon.child.pid!) };
    const idleStarted = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const idleSeconds = (performance.now() - idleStarted) / 1000;
    const idleCpuMsPerSecond = {
      web: round1((treeCpuMs(web.child.pid!) - idleBefore.web) / idleSeconds),
      grader: round1((treeCpuMs(daemon.child.pid!) - idleBefore.grader) / idleSeconds),
    };

    // Baseline: one learner alone, one submission at a time.
    const baseline: Sample[] = [];
    const aloneCpuBefore = { web: treeCpuMs(web.child.pid!), grader: treeCpuMs(daemon.child.pid!), daemonOnly: treeCpuMs(daemon.child.pid!, false) };
    const aloneWindow = { from: Date.now(), to: 0 };
    const aloneStarted = performance.now();
    for (let i = 0; i < args.alone; i++) baseline.push(await submit(learners[0]!.cookie, sources[i % sources.length]!, i % 2 ? "run" : "submit"));
    aloneWindow.to = Date.now();
    const aloneCpu = cpuSince(aloneCpuBefore, baseline.length);
    const aloneIdleShare = (performance.now() - aloneStarted) / 1000 / baseline.length;
    const aloneCpuLessIdle = {
      web: round1(aloneCpu.web - idleCpuMsPerSecond.web * aloneIdleShare),
      grader: round1(aloneCpu.grader - idleCpuMsPerSecond.grader * aloneIdleShare),
    };
    log(`baseline (one learner alone): median ${round1(quantile(baseline.map((b) => b.waitMs), 0.5))} ms`);

    const loadBefore = os.loadavg()[0]!;
    const cpuBefore = { web: treeCpuMs(web.child.pid!), grader: treeCpuMs(daemon.child.pid!), daemonOnly: treeCpuMs(daemon.child.pid!, false) };
    const roundsStarted = performance.now();
    const roundsWindow = { from: Date.now(), to: 0 };
    const samples: Sample[] = [];
    for (let round = 0; round < args.rounds; round++) {
      const kind = round % 2 === 0 ? "submit" : "run";
      const results = await Promise.all(learners.map((l, i) => submit(l.cookie, sources[(i + round) % sources.length]!, kind)));
      samples.push(...results);
      log(`round ${round + 1}/${args.rounds} (${kind}): median ${round1(quantile(results.map((r) => r.waitMs), 0.5))} ms`);
    }

    const roundsMs = performance.now() - roundsStarted;
    roundsWindow.to = Date.now();
    const cpuPerSubmission = cpuSince(cpuBefore, samples.length);
    await settlePhases();
    const phaseDir = env.LACUNA_PHASE_TIMING_DIR!;
    const phases = {
      alone: phaseDir ? readPhases(phaseDir, aloneWindow, baseline.length) : [],
      burst: phaseDir ? readPhases(phaseDir, roundsWindow, samples.length) : [],
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

    // The floor of "one Next request": next-server's CPU for a route that does nothing (GET /api/health: the
    // proxy, Next's routing and response, no session, no database), and for a signed-in GET that reads the
    // session only (GET /api/submissions/<unknown id>: the session, one indexed lookup, a 404). A submission
    // is one such request plus its own work, so these bound how low the web's CPU per submission can go.
    const requestFloor = async (pathname: string, cookie: string | null, n: number) => {
      for (let i = 0; i < 20; i++) await (await fetch(`${base}${pathname}`, cookie ? { headers: { cookie } } : {})).arrayBuffer();
      const before = treeCpuMs(web.child.pid!);
      for (let i = 0; i < n; i++) await (await fetch(`${base}${pathname}`, cookie ? { headers: { cookie } } : {})).arrayBuffer();
      return round1((treeCpuMs(web.child.pid!) - before) / n);
    };
    const floor = {
      healthMs: await requestFloor("/api/health", null, 300),
      signedInLookupMs: await requestFloor("/api/submissions/does-not-exist", learners[0]!.cookie, 300),
    };
    log(`next-server CPU per request: GET /api/health ${floor.healthMs} ms, a signed-in lookup ${floor.signedInLookupMs} ms`);

    const sustained = await sustain(args.durationS * 1000);
    log(`sustained: ${perSecondLine(sustained)}`);

    const scripts = await Promise.all([`/exercises/${SLUG}`, "/", "/review"].map((p) => pageScripts(base, p, learners[0]!.cookie)));

    const waits = samples.map((s) => s.waitMs);
    const aloneWaits = baseline.map((b) => b.waitMs);
    const pageLoad = summary(pageTimes);
    const result = {
      learners: args.learners,
      rounds: args.rounds,
      preferWait: args.preferWait,
      graderWarmUpMs: round1(warmUpMs),
      /** The class warm-up before anything was measured (0 s: a cold server), and its CPU per submission in each window. */
      warmUp: { seconds: warmUpSeconds, submissions: warmUpSubmissions, settled: warmUpDone, curve: warmUpCurve },
      submissions: samples.length,
      cpuCores: os.availableParallelism(),
      errors: samples.filter((s) => s.status !== "graded").length,
      loadAverage1m: { before: round1(loadBefore), after: round1(os.loadavg()[0]!) },
      baselineAloneMs: summary(aloneWaits),
      submitToResultMs: summary(waits),
      answeredByPost: { alone: baseline.filter((b) => b.answeredByPost).length, burst: samples.filter((s) => s.answeredByPost).length },
      ratioMedianToBaseline: round1(quantile(waits, 0.5) / quantile(aloneWaits, 0.5)),
      submitToResultByKind: {
        submit: summary(samples.filter((s) => s.kind === "submit").map((s) => s.waitMs)),
        run: summary(samples.filter((s) => s.kind === "run").map((s) => s.waitMs)),
      },
      graderTimePerSubmissionMs: summary(samples.map((s) => s.graderMs)),
      phasesMs: {
        postAnswered: summary(samples.map((s) => s.phases.postMs)),
        firstStatusEvent: summary(samples.filter((s) => !s.answeredByPost).map((s) => s.phases.firstStatusMs)),
        queuedUntilClaimed: summary(samples.map((s) => s.phases.queuedMs)),
        claimedUntilStored: summary(samples.map((s) => s.phases.gradingMs)),
        storedUntilResultRead: summary(samples.map((s) => s.phases.notifyMs)),
      },
      goalP95Ms: GOAL_P95_MS,
      goals: GOALS,
      // Load-independent: CPU each submission costs (web: next-server for POST + events; grader: daemon and
      // its workers), and what a burst of N would take on this many otherwise idle cores.
      cpuMsPerSubmission: cpuPerSubmission,
      cpuMsPerSubmissionAlone: aloneCpu,
      /** CPU per second with nothing to do, and the alone figures less that share of each submission's time. */
      idleCpuMsPerSecond,
      cpuMsPerSubmissionAloneLessIdle: aloneCpuLessIdle,
      /** Per phase and process: exact CPU when alone (one request at a time); in the burst, async phases overlap. */
      phases,
      idleMachineBurstEstimateMs: round1((args.learners * (cpuPerSubmission.web + cpuPerSubmission.grader)) / os.availableParallelism()),
      throughputPerSecond: round1(samples.length / (roundsMs / 1000)),
      meetsGoal: quantile(waits, 0.95) <= GOAL_P95_MS,
      meets: {
        burstP95: quantile(waits, 0.95) <= GOAL_P95_MS,
        aloneP95: quantile(aloneWaits, 0.95) <= GOALS.aloneP95Ms,
        webCpu: aloneCpu.web <= GOALS.webCpuMs,
        pageP95: pageLoad.p95 <= GOALS.pageP95Ms,
        perSecond: sustained.gradedPerSecond >= GOALS.perSecond,
      },
      /** next-server CPU per request for a route that does nothing and for a signed-in lookup: the floor under webCpu. */
      requestFloorCpuMs: floor,
      pageScripts: scripts,
      sustainedPerSecond: sustained.gradedPerSecond,
      sustained,
      page: { path: pagePath, note: pagePath === "/api/exercises" ? `GET /exercises/${SLUG} answered ${pageProbe.status}: not built yet` : null, loadMs: pageLoad },
      recorded: await recordedWithGrades(),
    };
    if (args.json) console.log(JSON.stringify(result));
    else {
      const s = result.submitToResultMs;
      const met = (ok: boolean) => (ok ? "met" : "NOT met");
      console.log(`submissions: ${result.submissions} (${args.learners} learners × ${args.rounds} rounds, all at once per round; after a warm-up of ${result.warmUp.submissions} in ${result.warmUp.seconds} s), errors: ${result.errors}; Prefer: wait=${args.preferWait} (the POST answered with the result for ${result.answeredByPost.burst} of ${samples.length}, alone ${result.answeredByPost.alone} of ${baseline.length})`);
      console.log(`load average (1 min) before/after the rounds: ${result.loadAverage1m.before}/${result.loadAverage1m.after} on ${result.cpuCores} cores`);
      console.log(`baseline, one learner alone: median ${result.baselineAloneMs.median} ms, p95 ${result.baselineAloneMs.p95} ms`);
      console.log(`POST → result: median ${s.median} ms, p95 ${s.p95} ms, max ${s.max} ms (goal p95 ≤ ${GOAL_P95_MS} ms: ${met(result.meets.burstP95)}); median ${result.ratioMedianToBaseline}× the baseline`);
      console.log(`  submit: median ${result.submitToResultByKind.submit.median} ms, p95 ${result.submitToResultByKind.submit.p95} ms; run: median ${result.submitToResultByKind.run.median} ms, p95 ${result.submitToResultByKind.run.p95} ms`);
      console.log(`grader time per submission (from the report): median ${result.graderTimePerSubmissionMs.median} ms, p95 ${result.graderTimePerSubmissionMs.p95} ms`);
      for (const [phase, v] of Object.entries(result.phasesMs)) console.log(`  ${phase}: median ${v.median} ms, p95 ${v.p95} ms`);
      console.log(`CPU per submission: web ${cpuPerSubmission.web} ms, grader ${cpuPerSubmission.grader} ms (daemon process alone ${cpuPerSubmission.daemonOnly} ms); throughput ${result.throughputPerSecond}/s; a burst of ${args.learners} on ${result.cpuCores} idle cores ≈ ${result.idleMachineBurstEstimateMs} ms of CPU`);
      console.log(`CPU per submission, one learner alone: web ${aloneCpu.web} ms, grader ${aloneCpu.grader} ms (daemon process alone ${aloneCpu.daemonOnly} ms)`);
      console.log(`CPU with nothing to do: web ${idleCpuMsPerSecond.web} ms/s, grader ${idleCpuMsPerSecond.grader} ms/s; alone less that: web ${aloneCpuLessIdle.web} ms, grader ${aloneCpuLessIdle.grader} ms per submission`);
      console.log(`phases, one learner alone (${baseline.length} submissions; CPU exact: one request at a time):\n${phaseTable(phases.alone)}`);
      console.log(`phases, ${args.learners} at once (${samples.length} submissions; async phases' CPU includes what interleaved):\n${phaseTable(phases.burst)}`);
      for (const p of scripts) console.log(`JavaScript loaded with ${p.path}: ${p.scripts} scripts, ${p.kb} KB (${p.gzipKb} KB gzipped); CodeMirror ${p.codemirror ? "in it" : "not in it"}, KaTeX ${p.katex ? "in it" : "not in it"}`);
      console.log(`page ${pagePath}: median ${result.page.loadMs.median} ms, p95 ${result.page.loadMs.p95} ms${result.page.note ? ` (${result.page.note})` : ""}`);
      console.log(`sustained (${args.learners} learners back to back): ${perSecondLine(sustained)}`);
      console.log(recordedLine(result.recorded));
      const exercisePage = scripts[0]!;
      console.log("goals (issue 16) against this run:");
      console.log(`  Submit → result p95, ${args.learners} at once:  ${s.p95} ms   (goal ≤ ${GOAL_P95_MS} ms: ${met(result.meets.burstP95)})`);
      console.log(`  Submit → result p95, one learner alone: ${result.baselineAloneMs.p95} ms   (goal ≤ ${GOALS.aloneP95Ms} ms: ${met(result.meets.aloneP95)})`);
      console.log(`  web CPU per submission, alone:          ${aloneCpu.web} ms   (goal ≤ ${GOALS.webCpuMs} ms: ${met(result.meets.webCpu)}; ${args.learners} at once: ${cpuPerSubmission.web} ms)`);
      if (warmUpCurve.length > 0) console.log(`    a cold server, its first ${WARM_UP_WINDOW_S} s of the warm-up: web ${warmUpCurve[0]!.web} ms, grader ${warmUpCurve[0]!.grader} ms per submission (learners back to back)`);
      console.log(`    floor: next-server CPU for GET /api/health ${floor.healthMs} ms, for a signed-in lookup ${floor.signedInLookupMs} ms per request`);
      console.log(`  exercise page server response p95:      ${pageLoad.p95} ms   (goal ≤ ${GOALS.pageP95Ms} ms: ${met(result.meets.pageP95)})`);
      console.log(`  exercise page JavaScript:               ${exercisePage.kb} KB, ${exercisePage.gzipKb} KB gzipped, ${exercisePage.scripts} scripts (measured; KaTeX ${exercisePage.katex ? "in it" : "not in it"})`);
      console.log(`  graded submissions/s through the app:   ${sustained.gradedPerSecond}/s   (goal ≥ ${GOALS.perSecond}/s: ${met(result.meets.perSecond)})`);
      console.log(`  load average (1 min): ${result.loadAverage1m.before} before the rounds, ${round1(os.loadavg()[0]!)} at the end`);
    }
  } catch (error) {
    failureOutput = `--- web server output:\n${web.output().slice(-4000)}\n--- daemon output:\n${daemon.output().slice(-4000)}`;
    throw error;
  } finally {
    await db.$disconnect();
    await Promise.all([stopProcess(web.child), stopProcess(daemon.child)]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

let failureOutput = "";
main().catch((error: unknown) => {
  if (failureOutput) console.error(failureOutput);
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
