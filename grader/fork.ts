/** Forks the grader's helper processes (sandbox workers, type checkers) as TypeScript, through tsx's loader. */
import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const graderDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(graderDir, "..");
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

export function forkTs(entry: string, heapMb: number, extra: string[] = []): ChildProcess {
  return fork(entry, [], {
    execArgv: ["--no-node-snapshot", `--max-old-space-size=${heapMb}`, ...extra, "--import", tsxLoader],
    // Learner code never sees the environment anyway; an empty one means a sandbox escape would not either.
    // (The benches' phase timing folder is the one exception, and only when the benches set it.)
    env: (process.env.LACUNA_PHASE_TIMING_DIR ? { LACUNA_PHASE_TIMING_DIR: process.env.LACUNA_PHASE_TIMING_DIR } : {}) as NodeJS.ProcessEnv,
    cwd: repoRoot,
    serialization: "advanced",
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
}
