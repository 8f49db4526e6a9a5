// Shared by the scale-out tests: grader worker processes (`npm run worker`'s script) on a given database,
// started detached so a kill -9 reaches the worker and its sandbox processes together.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createLearner } from "../api/helpers";
import { waitUntil } from "../durability/helpers";
import type { Db } from "@/lib/db";
import { createSubmission } from "@/lib/grading/service";
import type { GradingQueue } from "@/lib/grading/queue";

const repoRoot = path.resolve(import.meta.dirname, "..", "..");

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  /** kill -9 of the worker's whole process group (it and its sandbox processes). */
  kill(): void;
  /** SIGTERM, then waits for it to exit. */
  stop(): Promise<void>;
}

/** Queue settings that let a test see expiry and retries within seconds. */
export const FAST_QUEUE_ENV = { LACUNA_QUEUE_EXPIRE_S: "10", LACUNA_QUEUE_MAINTENANCE_S: "1", LACUNA_QUEUE_RETRY_LIMIT: "5", LACUNA_QUEUE_RETRY_DELAY_S: "1" };

export async function startWorker(databaseUrl: string, env: Record<string, string> = {}): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "scripts", "grading-daemon.ts"), "--worker"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, LACUNA_GRADER_WORKERS: "1", LACUNA_GRADER_PREWARM: "0", LACUNA_GRADER_POLL_MS: "500", ...FAST_QUEUE_ENV, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const worker: WorkerProcess = {
    child,
    output: () => output,
    kill() {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
      worker.kill(); // whatever its group left behind
    },
  };
  await waitUntil(() => /pg-boss worker/.test(output) || child.exitCode !== null, 120_000, () => output);
  if (child.exitCode !== null) throw new Error(`the worker exited at start:\n${output}`);
  return worker;
}

/** `count` submissions of `source` (every `submitEvery`-th a "submit", the rest "run"s) by a few learners, through the service. */
export async function enqueueSubmissions(
  db: Db,
  queue: GradingQueue,
  options: { count: number; slug: string; source: string; submitEvery: number; learners?: number; parallel?: number },
): Promise<{ ids: string[]; submitIds: string[] }> {
  const learners = await Promise.all(Array.from({ length: options.learners ?? 10 }, (_, i) => createLearner(db, `scale-${i}`)));
  const ids: string[] = [];
  const submitIds: string[] = [];
  let next = 0;
  const rate = { limit: 1_000_000, windowMs: 1000 };
  const lane = async () => {
    while (next < options.count) {
      const index = next++;
      const kind = index % options.submitEvery === 0 ? "submit" : "run";
      const learner = learners[index % learners.length]!;
      const created = await createSubmission(db, learner.id, { slug: options.slug, source: options.source, kind }, { queue, rate });
      if (created.status !== 202) throw new Error(`submission ${index}: ${created.status} ${JSON.stringify(created.body)}`);
      const id = (created.body as { id: string }).id;
      ids.push(id);
      if (kind === "submit") submitIds.push(id);
    }
  };
  await Promise.all(Array.from({ length: options.parallel ?? 6 }, lane));
  return { ids, submitIds };
}

export async function countByStatus(db: Db, ids: string[]): Promise<Record<string, number>> {
  const groups = await db.submission.groupBy({ by: ["status"], where: { id: { in: ids } }, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}

/** The whole text of an event stream (it ends after its result). */
export async function readStream(stream: ReadableStream<Uint8Array>): Promise<string> {
  let text = "";
  const decoder = new TextDecoder();
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) text += decoder.decode(chunk);
  return text;
}
