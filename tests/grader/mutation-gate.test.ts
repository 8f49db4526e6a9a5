/**
 * `lacuna check --mutants` as an author runs it, on a fixture whose cases are deliberately weak
 * (tests/fixtures/mutation-exercises): a true survivor, a seed-dependent survivor, and a stale
 * `mutant-equivalent` mark must all be reported, with line:column and original → mutated.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatMutationReport, type MutationReport } from "../../grader/mutants/gate";
import { repoRoot, runLacuna, type CliRun } from "./helpers";

const mutationRoot = path.join(repoRoot, "tests", "fixtures", "mutation-exercises");
// One real run of the gate (about 40 gradings): generous for a loaded shared 2-core machine.
const slow = 600_000;

const lacuna = (...args: string[]): Promise<CliRun> => runLacuna(mutationRoot, slow - 10_000, ...args);

describe("lacuna check --mutants", () => {
  let report: MutationReport | undefined;

  it("lists survivors, seed-dependent survivors and stale equivalence marks, and fails below 90 %", async () => {
    const run = await lacuna("check", "--mutants", "fixture-weak-mse", "--seeds", "2", "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    [report] = JSON.parse(run.stdout) as MutationReport[];
    expect(report!.slug).toBe("fixture-weak-mse");
    expect(report!.seeds).toEqual([1, 2]);
    expect(report!.tested).toBe(report!.generated);
    const survivors = report!.survivors.map((m) => `${m.line}:${m.column} ${m.original} → ${m.mutated} ${m.status} passes ${m.passingSeeds.join(",")}`);
    expect(survivors).toEqual([
      "5:19 Math.abs(predictions[i]! - targets[i]!) → (predictions[i]! - targets[i]!) survived passes 1,2",
      "7:21 2 → 3 seed-dependent passes 1",
    ]);
    expect(report!.staleMarks.map((m) => `${m.line}:${m.column} ${m.original} → ${m.mutated}`)).toEqual(["7:18 ** → *"]);
    const counted = report!.mutants.filter((m) => m.status !== "equivalent" && m.status !== "invalid").length;
    expect(report!.counted).toBe(counted);
    expect(report!.killed).toBe(counted - 2);
    expect(report!.score).toBeCloseTo(report!.killed / counted, 12);
    expect(report!.ok).toBe(false);
  }, slow);

  it("prints the same findings for people", () => {
    expect(report, "the --json run above").toBeDefined();
    const text = formatMutationReport(report!).join("\n");
    expect(text).toMatch(/^✗ fixture-weak-mse: \d+\/\d+ mutants killed = \d+\.\d %, seeds 1, 2 \(/);
    expect(text).toContain("    survivor 7:21 2 → 3 (literal): seed-dependent: passes every case on seed 1, caught elsewhere by visible case \"one error that depends on the seed\"");
    expect(text).toContain("    survivor 5:19 Math.abs(predictions[i]! - targets[i]!) → (predictions[i]! - targets[i]!) (math): passes every case");
    expect(text).toContain("    stale mark 7:18 ** → * (arithmetic): marked equivalent");
  });

  it("refuses --budget and --markdown without --mutants, before grading anything", async () => {
    const budget = await lacuna("check", "fixture-weak-mse", "--budget", "5");
    expect(budget.code).toBe(2);
    expect(budget.stderr).toContain("--budget limits the mutants graded: use it with --mutants");
    const markdown = await lacuna("check", "--markdown");
    expect(markdown.code).toBe(2);
    expect(markdown.stderr).toContain("--markdown prints the mutation scores: use it with --mutants");
  }, 120_000);
});
