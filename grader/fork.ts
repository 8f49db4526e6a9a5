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

export function forkTs(entry: string, heapMb: number, extra: string[] = []): ChildProcess {
  // Learner code never sees the environment anyway; a nearly empty one means a sandbox escape would not either.
  // GOGC reaches the esbuild service a worker starts on its first transpile: Go collects that small heap at 5×
  // its live size instead of 2×, which saves ~0.2 of esbuild's ~0.9 ms of CPU for each new submission.
  // (The benches' phase timing folder is the one other entry, and only when the benches set it.)
  const env: Record<string, string> = { GOGC: "400" };
  if (process.env.LACUNA_PHASE_TIMING_DIR) env.LACUNA_PHASE_TIMING_DIR = process.env.LACUNA_PHASE_TIMING_DIR;
  return fork(entry, [], {
    execArgv: ["--no-node-snapshot", `--max-old-space-size=${heapMb}`, ...extra, "--import", tsxLoader],
    env: env as NodeJS.ProcessEnv,
    cwd: repoRoot,
    serialization: "advanced",
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
}
