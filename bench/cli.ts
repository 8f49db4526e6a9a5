/**
 * CLI start-up benchmark (`npm run bench:cli`, `-- --json` for one JSON object): how long the `lacuna` command
 * takes from spawn to exit for help (answered from grader/cli/spec.mjs, no tsx), for `exercises` (tsx and the
 * catalog) and, as the baseline measured in the same run, for a Node that does nothing (`node -e 0`).
 * Interleaved rounds, so a change in the machine's load touches every variant alike; medians and the ratio to
 * the baseline.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";

const json = process.argv.includes("--json");
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const root = path.resolve(import.meta.dirname, "..");
const bin = path.join(root, "grader", "bin", "lacuna.mjs");

const variants: { name: string; args: string[] }[] = [
  { name: "node -e 0 (baseline)", args: ["-e", "0"] },
  { name: "lacuna --help", args: [bin, "--help"] },
  { name: "lacuna grade --help", args: [bin, "grade", "--help"] },
  { name: "lacuna exercises", args: [bin, "exercises"] },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const times = new Map<string, number[]>(variants.map((v) => [v.name, []]));
for (let round = 0; round < rounds; round++) {
  for (const variant of variants) {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, variant.args, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    if (run.status !== 0) throw new Error(`${variant.name} exited ${run.status}: ${run.stderr}`);
    times.get(variant.name)!.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
}

const baseline = median(times.get(variants[0]!.name)!);
const results = variants.map((v) => {
  const ms = median(times.get(v.name)!);
  return { name: v.name, medianMs: Math.round(ms), ratioToNode: Math.round((ms / baseline) * 100) / 100 };
});
const load = os.loadavg()[0]!.toFixed(1);
if (json) console.log(JSON.stringify({ rounds, load: Number(load), results }));
else {
  console.log(`lacuna start-up, ${rounds} interleaved rounds, 1-minute load ${load}`);
  for (const r of results) console.log(`  ${r.name.padEnd(24)} median ${String(r.medianMs).padStart(5)} ms   ×${r.ratioToNode} of node -e 0`);
}
