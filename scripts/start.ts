// `npm start` (and `npm run dev` with --dev): prepare the database, build when needed, then run the web
// server and its sidecar processes, and supervise them:
// - a sidecar that dies (the grading daemon, kill -9, a crash) is restarted with a growing backoff; the web
//   server is not touched and keeps serving (submissions wait in the queue meanwhile);
// - the web server dying stops everything and exits with its code (a supervisor restarts the whole app);
// - SIGTERM, SIGINT or SIGHUP (to this process, or to npm: package.json `exec`s this script so npm's
//   forwarded signal arrives here) stops everything: each child is asked to stop (SIGTERM), waited for up to
//   STOP_GRACE_MS, then its whole process group is killed, so nothing is left (next start's next-server child,
//   the daemon's sandbox workers). The daemon is signalled alone, not its group: it re-queues what it was
//   grading and closes its own workers (lib/grading/daemon.ts), so a stop never turns a grade into an error;
// - if this process is orphaned (its parent died without forwarding a signal), it stops everything too.
//
// Adding a sidecar: append a ProcessSpec to `sidecars()` below. It gets the same environment as the web
// server (DATABASE_URL, NEXTAUTH_SECRET, LACUNA_DATA_DIR, …).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { dataDir, EnvError, parseEnv, type Env } from "../lib/env";
import { parseGradingConfig } from "../lib/grading/config";
import { buildIsStale, NEXT_BIN } from "./lib/build";
import { prepare } from "./lib/prepare";
import { repoRoot } from "./lib/schemas";

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  /** Restarted when it dies (a sidecar); false: its death stops everything (the web server). */
  restart: boolean;
  /** Stop by signalling the process alone (it stops its own children) instead of its whole group. */
  signalLeaderOnly: boolean;
}

/** How long a child may take to stop after SIGTERM before its process group is killed. */
const STOP_GRACE_MS = 15_000;
/** Restart backoff of a sidecar: doubles from the first to the last value after each quick death. */
const RESTART_BACKOFF_MS = { first: 500, max: 30_000 };
/** A sidecar that ran this long before dying restarts at the first backoff again. */
const STABLE_AFTER_MS = 60_000;

/** Long-running processes started and stopped together with the web server. */
function sidecars(_env: Env): ProcessSpec[] {
  // LACUNA_LOCAL_WORKER=0: no grader beside the web server (workers run elsewhere: `npm run worker`). Type
  // checks and signed-out runs need the local grader's control port, so they answer 503 then.
  if (process.env.LACUNA_LOCAL_WORKER === "0") return [];
  return [
    // The grader (scripts/grading-daemon.ts): owns the sandbox pool and grades from the queue (SQLite: claims
    // queued rows, woken on 127.0.0.1:LACUNA_GRADER_PORT, default 3901; PostgreSQL: a pg-boss worker). It serves
    // type checks and visible-case runs on that port. `npm run worker` adds graders without the port.
    {
      name: "grader",
      command: process.execPath,
      args: ["--import", "tsx", path.join(repoRoot, "scripts", "grading-daemon.ts")],
      restart: true,
      signalLeaderOnly: true,
    },
  ];
}

function webServer(env: Env, dev: boolean): ProcessSpec {
  return { name: "web", command: process.execPath, args: [NEXT_BIN, dev ? "dev" : "start", "--port", String(env.PORT)], restart: false, signalLeaderOnly: false };
}

function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: no process left in the group
  }
}

const groupAlive = (pgid: number) => signalGroup(pgid, 0 as unknown as NodeJS.Signals);

async function waitForGroupGone(pgid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (groupAlive(pgid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

interface Running {
  spec: ProcessSpec;
  child: ChildProcess;
  startedAt: number;
  exited: Promise<void>;
}

export function supervise(specs: ProcessSpec[], childEnv: NodeJS.ProcessEnv): void {
  const running = new Map<string, Running>();
  const backoff = new Map<string, number>();
  const restartTimers = new Set<NodeJS.Timeout>();
  let stopping = false;

  const start = (spec: ProcessSpec) => {
    // Each child leads its own process group (detached): a Ctrl-C in the terminal reaches only this script,
    // which stops the children in order, and a group kill reaches their own children too.
    const child = spawn(spec.command, spec.args, { cwd: repoRoot, env: childEnv, stdio: "inherit", detached: true });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const entry: Running = { spec, child, startedAt: Date.now(), exited };
    running.set(spec.name, entry);
    child.once("exit", (code, signal) => {
      // The leader is gone; whatever it left in its group (workers, next-server) must not outlive it.
      if (child.pid) signalGroup(child.pid, "SIGKILL");
      if (running.get(spec.name) === entry) running.delete(spec.name);
      if (stopping) return;
      if (!spec.restart) {
        console.error(`[lacuna] ${spec.name} exited (${signal ?? code}); stopping the others`);
        void stopAll(typeof code === "number" && code !== 0 ? code : 1);
        return;
      }
      const ranMs = Date.now() - entry.startedAt;
      const delay = ranMs >= STABLE_AFTER_MS ? RESTART_BACKOFF_MS.first : (backoff.get(spec.name) ?? RESTART_BACKOFF_MS.first);
      backoff.set(spec.name, Math.min(delay * 2, RESTART_BACKOFF_MS.max));
      console.error(`[lacuna] ${spec.name} exited (${signal ?? code}); restarting it in ${(delay / 1000).toFixed(1)} s`);
      const timer = setTimeout(() => {
        restartTimers.delete(timer);
        if (!stopping) start(spec);
      }, delay);
      restartTimers.add(timer);
    });
  };

  const stopOne = async ({ spec, child, exited }: Running) => {
    const pid = child.pid;
    if (!pid) return;
    if (child.exitCode === null && child.signalCode === null) {
      if (spec.signalLeaderOnly) child.kill("SIGTERM");
      else signalGroup(pid, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS))]);
    }
    if (!(await waitForGroupGone(pid, child.exitCode === null && child.signalCode === null ? 0 : 2_000))) {
      console.error(`[lacuna] ${spec.name} did not stop in time; killing its process group`);
      signalGroup(pid, "SIGKILL");
      await waitForGroupGone(pid, 5_000);
    }
  };

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const timer of restartTimers) clearTimeout(timer);
    process.exitCode = code;
    await Promise.all([...running.values()].map(stopOne));
    process.exit(code);
  };

  for (const spec of specs) start(spec);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      console.log(`[lacuna] ${signal}: stopping`);
      void stopAll(0);
    });
  }
  // Orphaned: the parent (npm, a shell) died without passing a signal on; nobody would ever stop us.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      console.log("[lacuna] the parent process is gone: stopping");
      void stopAll(0);
    }
  }, 1_000).unref();
}

/** `next build`, stopped with this process: a SIGTERM or Ctrl-C during the build leaves no build running. */
async function build(env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, [NEXT_BIN, "build"], { cwd: repoRoot, env, stdio: "inherit", detached: true });
  const forward = (signal: NodeJS.Signals) => {
    console.log(`[lacuna] ${signal}: stopping the build`);
    if (child.pid) signalGroup(child.pid, "SIGTERM");
    process.exitCode = 0;
    stoppedDuringBuild = true;
  };
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  for (const signal of signals) process.on(signal, forward);
  const [code, signal] = (await new Promise((resolve) => child.once("exit", (...args) => resolve(args)))) as [number | null, NodeJS.Signals | null];
  for (const signal of signals) process.off(signal, forward);
  if (child.pid) signalGroup(child.pid, "SIGKILL"); // its workers, if any outlived it
  if (stoppedDuringBuild) process.exit(0);
  if (code !== 0) throw new Error(`next build failed (exit ${code ?? signal})`);
}
let stoppedDuringBuild = false;

async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  // NODE_ENV as the operator set it (default development): "production" is a declaration that this is a
  // deployment, which turns on e.g. the demo-account warning. The children run Next in its own mode anyway.
  const env = parseEnv(process.env);
  // The grading variables too, before anything starts: a bad one would otherwise answer every request with a 500.
  parseGradingConfig(process.env);
  const prepared = await prepare(env);
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: dev ? "development" : "production",
    PORT: String(env.PORT),
    DATABASE_URL: prepared.databaseUrl,
    LACUNA_DATA_DIR: dataDir(env),
    NEXTAUTH_SECRET: prepared.secret,
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!dev && buildIsStale()) {
    console.log("[lacuna] building the app (next build)…");
    await build(childEnv);
  }
  console.log(`[lacuna] serving on http://localhost:${env.PORT} (${prepared.databaseUrl.startsWith("file:") ? "SQLite" : "PostgreSQL"})`);
  supervise([webServer(env, dev), ...sidecars(env)], childEnv);
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
