/**
 * The mutation gate (`lacuna check --mutants`): grades every automatic mutant of an exercise's `solution.ts`
 * (./core) with the real sandbox pool against the exercise's cases, visible and hidden, over a few seeds,
 * and reports the share killed.
 *
 * A mutant is killed when it fails on EVERY seed checked: it fails a case, throws, times out or returns
 * something unreadable. A mutant that fails on some seeds but passes on others is a survivor too
 * ("seed-dependent"): a learner with that slip, handed one of the passing seeds, would be told they are right,
 * so the case that catches it must catch it whatever the seed draws. A `mutant-equivalent` mark excuses the
 * mutants it covers that survive every seed (left out of the score); the mutants it covers that the cases
 * kill count as killed. A mark that excuses nothing is stale, and a mark on a mutant caught on some seeds only
 * is wrong: either fails the gate.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ExerciseEntry } from "../../exercises/catalog";
import type { GraderPool } from "../pool";
import type { GradeReport } from "../report";
import { generateMutants, sampleMutants, type Mutant, type MutantKind } from "./core";

/** The share of non-equivalent mutants an exercise's cases must kill. */
export const mutationTarget = 0.9;

export interface MutationOptions {
  /** Seeds graded per mutant (default 1, 2, 3). */
  seeds?: readonly number[];
  /** Grade at most this many mutants, a deterministic sample spread over the file (default: all). */
  budget?: number;
}

export type MutantStatus = "killed" | "survived" | "seed-dependent" | "equivalent" | "invalid";

export interface MutantResult {
  id: string;
  kind: MutantKind;
  line: number;
  column: number;
  original: string;
  mutated: string;
  status: MutantStatus;
  /** The author's reason, when a `mutant-equivalent` comment covers this mutant (whatever the cases did to it). */
  equivalentReason: string | null;
  equivalentLine: number | null;
  /** Seeds on which the mutant passed every case (all seeds for a survivor, some for a seed-dependent one). */
  passingSeeds: number[];
  /** What killed it on the first seed that did: a case name, an error kind, a compile error. */
  killedBy: string | null;
}

export interface MutationReport {
  slug: string;
  seeds: number[];
  /** Mutants of the whole solution, before any sampling. */
  generated: number;
  /** Mutants graded (the sample, or all of them). */
  tested: number;
  killed: number;
  /** Mutants the score counts: killed, survived or seed-dependent (not equivalent, not invalid). */
  counted: number;
  /** Excused by a `mutant-equivalent` mark (they survived every seed). */
  equivalent: number;
  /** Mutants that did not compile (left out of the score). */
  invalid: number;
  /** Killed over counted; null when nothing counts. */
  score: number | null;
  ok: boolean;
  /** Survivors and seed-dependent mutants, in source order: what the author must look at. */
  survivors: MutantResult[];
  /** Covered by a mark that excuses nothing, or caught on some seeds despite a mark: the mark is stale or wrong. */
  staleMarks: MutantResult[];
  mutants: MutantResult[];
  gradings: number;
  durationMs: number;
}

/** A score as people read it, rounded down to 0.1 % so that 89.96 % never shows as the 90 % it misses. */
export function formatScore(score: number | null): string {
  return score === null ? "n/a" : `${(Math.floor(score * 1000) / 10).toFixed(1)} %`;
}

/** One line per mutant for people: `12:33 += → -= (arithmetic)`. */
export function describeMutant(m: Pick<MutantResult, "line" | "column" | "original" | "mutated" | "kind">): string {
  return `${m.line}:${m.column} ${m.original} → ${m.mutated || "(removed)"} (${m.kind})`;
}

function killReason(report: GradeReport): string {
  if (report.compileErrors.length) return `compile error: ${report.compileErrors[0]!.message}`;
  if (report.runtimeError) return `${report.runtimeError.kind}: ${report.runtimeError.message}`;
  const failed = report.cases.find((c) => !c.passed);
  if (!failed) return report.status;
  return `${failed.visible ? "visible" : "hidden"} case "${failed.name}"${failed.error ? ` (${failed.error.kind})` : ""}`;
}

/** A grading the infrastructure could not do says nothing about the mutant: stop rather than count it. */
function assertGraded(report: GradeReport, what: string): void {
  if (report.runtimeError?.kind === "internal" || report.runtimeError?.kind === "unknown-exercise") {
    throw new Error(`${what} could not be graded: ${report.runtimeError.message}`);
  }
}

function classify(mutant: Mutant, seeds: readonly number[], reports: readonly GradeReport[]): MutantResult {
  const passingSeeds = seeds.filter((_, i) => reports[i]!.status === "passed");
  const compileError = reports.find((r) => r.status === "compile-error");
  const firstKill = reports.find((r) => r.status !== "passed");
  let status: MutantStatus;
  if (compileError) status = "invalid";
  else if (passingSeeds.length === seeds.length) status = mutant.equivalent !== null ? "equivalent" : "survived";
  else if (passingSeeds.length > 0) status = "seed-dependent";
  else status = "killed";
  return {
    id: mutant.id,
    kind: mutant.kind,
    line: mutant.line,
    column: mutant.column,
    original: mutant.original,
    mutated: mutant.mutated,
    status,
    equivalentReason: mutant.equivalent,
    equivalentLine: mutant.equivalentLine,
    passingSeeds,
    killedBy: firstKill ? killReason(firstKill) : null,
  };
}

/**
 * Grades the mutants of `entry`'s solution on `options.seeds` with `pool` (mode "all": visible and hidden
 * cases). Throws when the unmutated solution itself fails (the gate would measure nothing) or when the pool
 * cannot grade at all. Equivalent-marked mutants are graded too in a full run, to find stale marks, and
 * skipped in a budgeted one.
 */
export async function runMutationGate(entry: ExerciseEntry, pool: GraderPool, options: MutationOptions = {}): Promise<MutationReport> {
  const started = performance.now();
  const slug = entry.meta.slug;
  const seeds = [...(options.seeds ?? [1, 2, 3])];
  const solution = readFileSync(path.join(entry.dir, "solution.ts"), "utf8");
  const all = generateMutants(solution, `${slug}/solution.ts`);
  const budgeted = options.budget !== undefined && options.budget < all.length;
  const candidates = budgeted ? sampleMutants(all.filter((m) => m.equivalent === null), options.budget!) : all;

  const baseline = await Promise.all(seeds.map((seed) => pool.grade({ slug, source: solution, seed, mode: "all" })));
  baseline.forEach((report, i) => {
    assertGraded(report, `${slug}/solution.ts (seed ${seeds[i]})`);
    if (report.status !== "passed") throw new Error(`${slug}/solution.ts itself fails seed ${seeds[i]} (${killReason(report)}): fix it before measuring mutants`);
  });

  const graded = await Promise.all(
    candidates.map(async (mutant) => {
      const reports = await Promise.all(seeds.map((seed) => pool.grade({ slug, source: mutant.source, seed, mode: "all" })));
      reports.forEach((r, i) => assertGraded(r, `mutant ${describeMutant(mutant)} (seed ${seeds[i]})`));
      return classify(mutant, seeds, reports);
    }),
  );

  const counted = graded.filter((m) => m.status === "killed" || m.status === "survived" || m.status === "seed-dependent");
  const killed = counted.filter((m) => m.status === "killed").length;
  const score = counted.length > 0 ? killed / counted.length : null;
  // A mark is wrong when a mutant it covers is caught on some seeds only (that is a weak case, not an
  // equivalence), and stale when it excuses nothing: every mutant it covers is killed.
  const excusing = new Set(graded.filter((m) => m.status === "equivalent").map((m) => m.equivalentLine));
  const staleMarks = graded.filter(
    (m) => m.equivalentLine !== null && (m.status === "seed-dependent" || (m.status === "killed" && !excusing.has(m.equivalentLine))),
  );
  return {
    slug,
    seeds,
    generated: all.length,
    tested: graded.length,
    killed,
    counted: counted.length,
    equivalent: graded.filter((m) => m.status === "equivalent").length,
    invalid: graded.filter((m) => m.status === "invalid").length,
    score,
    ok: (score === null || score >= mutationTarget) && staleMarks.length === 0,
    survivors: graded.filter((m) => m.status === "survived" || m.status === "seed-dependent"),
    staleMarks,
    mutants: graded,
    gradings: (graded.length + 1) * seeds.length,
    durationMs: performance.now() - started,
  };
}

/** The lines `lacuna check --mutants` prints for one exercise. */
export function formatMutationReport(report: MutationReport): string[] {
  const percent = formatScore(report.score);
  const { counted, equivalent, invalid } = report;
  const sample = report.tested < report.generated ? ` (a sample of ${report.tested} of ${report.generated})` : "";
  const lines = [
    `${report.ok ? "✓" : "✗"} ${report.slug}: ${report.killed}/${counted} mutants killed = ${percent}${sample}, seeds ${report.seeds.join(", ")}` +
      `${equivalent ? `, ${equivalent} marked equivalent` : ""}${invalid ? `, ${invalid} invalid` : ""} (${(report.durationMs / 1000).toFixed(1)} s)`,
  ];
  for (const m of report.survivors) {
    const seeds = m.status === "seed-dependent" ? `seed-dependent: passes every case on seed ${m.passingSeeds.join(", ")}, caught elsewhere by ${m.killedBy}` : "passes every case";
    lines.push(`    survivor ${describeMutant(m)}: ${seeds}`);
  }
  for (const m of report.staleMarks) {
    lines.push(`    stale mark ${describeMutant(m)}: marked equivalent ("${m.equivalentReason}") but killed by ${m.killedBy}`);
  }
  return lines;
}
