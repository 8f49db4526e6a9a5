/**
 * The floor of `bench:grader` (part e), run as a child process with the grading workers' flags (isolated-vm needs
 * them): for every submission of the bench's mix, the sandbox alone, as grade-job.ts runs it (a fresh isolate, the
 * harness, the module, every case with its inputs in and its output out, the console, the disposal), with nothing
 * around it (no pool, no messages between processes, no transpiling, no comparison, no report), and a bare isolate
 * created and disposed. Answers the CPU ms per submission of each, measured over whole passes of the mix after one
 * pass of warm-up, process-wide (V8's background threads included, as /proc counts a worker).
 */
import ivm from "isolated-vm";
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadCatalog } from "../exercises/catalog";
import { generateCases, loadOracle } from "../exercises/oracle";
import { resolveLimits } from "../grader/limits";
import { isolateLimits } from "../grader/sandbox/grade-job";
import { runInIsolate, type IsolateCall } from "../grader/sandbox/run-isolate";
import { encodeSpecialJson } from "../grader/special-json";
import { transpileSubmission } from "../grader/transpile";

export interface FloorRequest {
  only: string[] | null;
  seeds: number[];
  passes: number;
}
export interface FloorAnswer {
  submissions: number;
  sandboxCpuMs: number;
  bareIsolateCpuMs: number;
}

const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function measure(request: FloorRequest): Promise<FloorAnswer> {
  const limits = isolateLimits(resolveLimits());
  const runs: { code: string; functionName: string; calls: IsolateCall[] }[] = [];
  for (const entry of loadCatalog().filter((e) => !request.only || request.only.includes(e.meta.slug))) {
    const oracle = await loadOracle(entry);
    const read = (file: string): string => readFileSync(path.join(entry.dir, file), "utf8");
    const sources = [read("solution.ts"), ...entry.meta.misconceptions.map((m) => read(path.join("misconceptions", `${m.id}.ts`)))];
    for (const source of sources) {
      const compiled = await transpileSubmission({ source, functionName: entry.meta.functionName, params: entry.meta.params, lang: "en", maxSourceBytes: 1 << 20 });
      if (!compiled.ok) throw new Error(`${entry.meta.slug} does not compile`);
      for (const seed of request.seeds) {
        const calls = generateCases(oracle, seed).map((c) => ({ argsJson: encodeSpecialJson(c.args), muted: !c.visible }));
        runs.push({ code: compiled.code, functionName: entry.meta.functionName, calls });
      }
    }
  }
  const pass = (work: () => void): number => {
    const started = cpuMs();
    for (let p = 0; p < request.passes; p++) for (const _ of runs) work();
    return (cpuMs() - started) / (request.passes * runs.length);
  };
  let next = 0;
  const sandbox = () => {
    const run = runs[next++ % runs.length]!;
    runInIsolate(run.code, run.functionName, run.calls, limits);
  };
  const bare = () => {
    const isolate = new ivm.Isolate({ memoryLimit: limits.memoryMb });
    isolate.createContextSync();
    isolate.dispose();
  };
  for (const _ of runs) sandbox();
  const sandboxCpuMs = pass(sandbox);
  bare();
  const bareIsolateCpuMs = pass(bare);
  return { submissions: runs.length * request.passes, sandboxCpuMs, bareIsolateCpuMs };
}

process.once("message", (request: FloorRequest) => {
  measure(request).then(
    (answer) => process.send?.(answer, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
