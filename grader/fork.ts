/** Forks the grader's helper processes (sandbox workers, type checkers) as TypeScript, through tsx's loader. */
import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const graderDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(graderDir, "..");
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/**
 * Kills a helper process with SIGKILL and resolves once it has gone: on "exit", or on "close" for a caller that
 * must also have read its last stdio and IPC. Resolves at once for a process that has already ended.
 */
export function killAndWait(child: ChildProcess, event: "exit" | "close" = "exit"): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once(event, () => resolve());
    child.kill("SIGKILL");
  });
}

/**
 * Node and V8 flags of every process that runs submissions in isolates (the pool's workers, and the benches'
 * processes that stand for them).
 * - `--no-expose-wasm`: no WebAssembly compiler for learner code to reach.
 * - `--interrupt-budget`: 4× V8's default (67,584). A submission's code lives in a fresh isolate for a few
 *   milliseconds, and at the default budget V8 sends its functions (and the harness's, again in every isolate) to
 *   TurboFan, whose optimised code is then thrown away with the isolate. At 4× the sandbox's work took 15–17 % less
 *   CPU on the catalogue's mix, a whole grading worker 7.5 % less (side-by-side runs, 2026-12-03). Long loops still tier up within milliseconds
 *   through on-stack replacement: a 1e6-element stencil ran in the same 48–50 ms, a 60×60 nested-array product
 *   took 3.3 ms instead of 2.4, far inside a case's 1 s. The workers' own code (comparing, formatting) is
 *   long-lived and is optimised as before, a little later.
 */
export const sandboxWorkerFlags: readonly string[] = ["--no-expose-wasm", "--interrupt-budget=270336"];

/** `args`: the entry's own arguments (process.argv from index 2). */
export function forkTs(entry: string, heapMb: number, extra: string[] = [], args: string[] = []): ChildProcess {
  // Learner code never sees the environment anyway; a nearly empty one means a sandbox escape would not either.
  // GOGC reaches the esbuild service a worker starts on its first transpile: Go collects that small heap at 5×
  // its live size instead of 2×, which saves ~0.2 of esbuild's ~0.9 ms of CPU for each new submission.
  // (The benches' phase timing folder is the one other entry, and only when the benches set it.)
  const env: Record<string, string> = { GOGC: "400" };
  if (process.env.LACUNA_PHASE_TIMING_DIR) env.LACUNA_PHASE_TIMING_DIR = process.env.LACUNA_PHASE_TIMING_DIR;
  return fork(entry, args, {
    execArgv: ["--no-node-snapshot", `--max-old-space-size=${heapMb}`, ...extra, "--import", tsxLoader],
    env: env as NodeJS.ProcessEnv,
    cwd: repoRoot,
    serialization: "advanced",
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
}
