/**
 * The author's quality gate for an exercise (`lacuna check`): the model solution passes every case for 20
 * seeds, and agrees with the float32 reference within a tenth of the tolerance (so float32 never rejects a
 * correct float64 learner); every misconception fails at least one VISIBLE case on every seed and is named
 * by the diagnosis and has a short review item (./review-items-check.ts);
 * both languages are present everywhere; the starter compiles; the cross-check (if any) holds.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ExerciseEntry } from "../exercises/catalog";
import { generateCases, loadOracle, type ExerciseOracle } from "../exercises/oracle";
import type { ExerciseMeta, Json, Localized, ParsedExerciseCase, Tolerance } from "../exercises/schema";
import { compareOutputs } from "./compare";
import { formatNumber } from "./format";
import type { GraderPool } from "./pool";
import type { GradeReport } from "./report";
import { findAsciiPunctuation } from "../lib/i18n/zh-punctuation";
import { reviewItemProblems } from "./review-items-check";

export interface CheckOptions {
  /** Seeds 1..seeds are checked (default 20). */
  seeds?: number;
  crossCheckSeeds?: number;
}

export interface ExerciseCheck {
  slug: string;
  ok: boolean;
  problems: string[];
  warnings: string[];
  gradings: number;
}

const cjk = /[\u3400-\u9fff]/;

function bilingualProblems(entry: ExerciseEntry): string[] {
  const problems: string[] = [];
  const texts: [string, Localized][] = [
    ["title", entry.meta.title],
    ["statement", entry.statement],
    ...entry.meta.hints.map((h, i): [string, Localized] => [`hint ${i + 1}`, h]),
    ...entry.meta.misconceptions.flatMap((m): [string, Localized][] => [
      [`misconception ${m.id} title`, m.title],
      [`misconception ${m.id} explanation`, m.explanation],
      ...(m.review
        ? ([
            [`misconception ${m.id} review question`, m.review.question],
            [`misconception ${m.id} review answer`, m.review.answer],
          ] as [string, Localized][])
        : []),
    ]),
  ];
  for (const [what, text] of texts) {
    if (!text.en.trim()) problems.push(`${what}: the English text is empty`);
    if (!text.zh.trim()) problems.push(`${what}: the Chinese text is empty`);
    else if (!cjk.test(text.zh)) problems.push(`${what}: the Chinese text contains no Chinese characters`);
    else problems.push(...punctuationProblems(what, text.zh));
  }
  return problems;
}

/** Every case name is written in both languages, and Chinese names and notes use full-width punctuation. */
function caseTextProblems(cases: readonly ParsedExerciseCase[]): string[] {
  const problems: string[] = [];
  for (const c of cases) {
    if (!cjk.test(c.name.zh)) problems.push(`case "${c.name.en}": the name has no Chinese version (write name: { en, zh })`);
    else problems.push(...punctuationProblems(`case "${c.name.en}" name`, c.name.zh));
    if (c.note) problems.push(...punctuationProblems(`case "${c.name.en}" note`, c.note.zh));
  }
  return problems;
}

/** Chinese text uses full-width punctuation (`npm run lint:zh -- --fix` rewrites it). */
function punctuationProblems(what: string, zh: string): string[] {
  return findAsciiPunctuation(zh).map((f) => `${what}: ASCII "${f.char}" beside Chinese text at ${f.line}:${f.column} (…${f.excerpt}…): write "${f.replacement}" (npm run lint:zh -- --fix)`);
}

function failureSummary(report: GradeReport): string {
  if (report.compileErrors.length) return `compile error: ${report.compileErrors[0]?.message}`;
  if (report.runtimeError) return report.runtimeError.message;
  const failed = report.cases.find((c) => !c.passed);
  if (!failed) return report.status;
  const detail =
    failed.error?.message ??
    failed.problems[0]?.message ??
    `max abs error ${failed.maxAbsError === null ? "n/a" : formatNumber(failed.maxAbsError)}${failed.worstIndex ? ` at ${failed.worstIndex}` : ""}`;
  return `case "${failed.name}": ${detail}`;
}

/** The share of the tolerance the float64 model solution may use: the rest is margin for learners who sum in another order. */
export const float64Margin = 0.1;

const tighter = (t: Tolerance): Tolerance => ({ rtol: t.rtol * float64Margin, atol: t.atol * float64Margin });

/**
 * Runs the model solution in-process (plain float64 JavaScript, as a learner's code runs) on every case of
 * `seeds` and compares it with the TensorFlow.js reference at a tenth of the exercise's tolerance. A case
 * float32 cannot resolve (the reference rounds a small difference of large numbers to 0, a two-sided
 * difference with a tiny ε, a tiny variance) shows up here long before it rejects a correct learner.
 */
export async function float32Problems(entry: ExerciseEntry, oracle: ExerciseOracle, seeds: readonly number[]): Promise<string[]> {
  const { meta } = entry;
  const mod = (await import(pathToFileURL(path.join(entry.dir, "solution.ts")).href)) as Record<string, unknown>;
  const solution = mod[meta.functionName];
  if (typeof solution !== "function") return [`solution.ts exports no function ${meta.functionName}`];
  const tolerance: ExerciseMeta["tolerance"] = {
    default: tighter(meta.tolerance.default),
    outputs: Object.fromEntries(Object.entries(meta.tolerance.outputs).map(([key, t]) => [key, tighter(t)])),
  };
  const settings = { tolerance, gradientOutputs: meta.gradientOutputs };
  const found: string[] = [];
  for (const seed of seeds) {
    for (const c of generateCases(oracle, seed)) {
      const expected = oracle.reference(...(structuredClone(c.args) as Json[]));
      let got: unknown;
      try {
        got = (solution as (...args: Json[]) => unknown)(...(structuredClone(c.args) as Json[]));
      } catch (error) {
        found.push(`seed ${seed} case "${c.name.en}": the model solution throws in-process: ${(error as Error).message}`);
        continue;
      }
      const comparison = compareOutputs(expected, got, settings);
      if (!comparison.passed) {
        const where = comparison.worstIndex ? ` at ${comparison.worstIndex}` : "";
        const detail = comparison.problems[0]?.message ?? `differs by ${comparison.maxAbsError === null ? "a non-finite value" : formatNumber(comparison.maxAbsError)}${where}`;
        found.push(`seed ${seed} case "${c.name.en}": the float64 model solution and the float32 reference disagree beyond a tenth of the tolerance (${detail})`);
      }
    }
  }
  if (found.length === 0) return [];
  const shown = found.slice(0, 5).map((p) => `float32 cannot resolve ${p}`);
  if (found.length > shown.length) shown.push(`float32 cannot resolve ${found.length - shown.length} more case(s)`);
  shown[0] += "; compute the sensitive step in float64 beside the TensorFlow.js parts, or choose cases float32 resolves, and say which in the exercise";
  return shown;
}

export async function checkExercise(entry: ExerciseEntry, pool: GraderPool, options: CheckOptions = {}): Promise<ExerciseCheck> {
  const seeds = Array.from({ length: options.seeds ?? 20 }, (_, i) => i + 1);
  const slug = entry.meta.slug;
  const problems = bilingualProblems(entry);
  const warnings: string[] = [];
  problems.push(...reviewItemProblems(entry.meta));
  let gradings = 0;
  const read = (file: string): string => readFileSync(path.join(entry.dir, file), "utf8");

  const oracle = await loadOracle(entry);
  for (const seed of seeds) {
    const cases = generateCases(oracle, seed);
    if (!cases.some((c) => c.visible)) problems.push(`seed ${seed}: no visible case`);
    if (!cases.some((c) => !c.visible)) warnings.push(`seed ${seed}: no hidden case`);
    if (seed === 1) {
      problems.push(...caseTextProblems(cases));
    }
  }

  problems.push(...(await float32Problems(entry, oracle, seeds)));

  const starter = await pool.grade({ slug, source: read("starter.ts"), seed: 1, mode: "visible" });
  gradings += 1;
  if (starter.status === "compile-error") problems.push(`starter.ts does not compile: ${failureSummary(starter)}`);

  const solution = read("solution.ts");
  const solutionReports = await Promise.all(seeds.map((seed) => pool.grade({ slug, source: solution, seed, mode: "all" })));
  gradings += solutionReports.length;
  solutionReports.forEach((report, i) => {
    if (report.status !== "passed") problems.push(`solution.ts fails seed ${seeds[i]}: ${failureSummary(report)}`);
  });

  for (const m of entry.meta.misconceptions) {
    const source = read(path.join("misconceptions", `${m.id}.ts`));
    const reports = await Promise.all(seeds.map((seed) => pool.grade({ slug, source, seed, mode: "visible" })));
    gradings += reports.length;
    const passing = seeds.filter((_, i) => reports[i]!.status === "passed");
    const broken = reports.find((r) => r.status === "compile-error" || r.status === "error");
    if (broken) {
      problems.push(`misconception ${m.id} could not be graded: ${failureSummary(broken)}`);
      continue;
    }
    if (passing.length) problems.push(`misconception ${m.id} passes every visible case for seed(s) ${passing.join(", ")}`);
    const unnamed = seeds.filter((_, i) => reports[i]!.status === "failed" && !reports[i]!.diagnosis.some((d) => d.misconceptionId === m.id));
    if (unnamed.length) {
      const example = reports[seeds.indexOf(unnamed[0]!)]!;
      const named = example.diagnosis.map((d) => d.misconceptionId).join(", ") || "nothing";
      problems.push(`misconception ${m.id} is not named by the diagnosis for seed(s) ${unnamed.join(", ")} (seed ${unnamed[0]} names ${named})`);
    }
    const ambiguous = reports.find((r) => r.diagnosis.length > 1 && r.diagnosis.some((d) => d.misconceptionId === m.id));
    if (ambiguous) {
      warnings.push(`misconception ${m.id} is indistinguishable on the visible cases of seed ${ambiguous.seed} from ${ambiguous.diagnosis.filter((d) => d.misconceptionId !== m.id).map((d) => d.misconceptionId).join(", ")}`);
    }
  }

  if (oracle.crossCheck) {
    for (let seed = 1; seed <= (options.crossCheckSeeds ?? 3); seed++) {
      try {
        for (const result of oracle.crossCheck(seed)) {
          if (!(result.maxAbsError <= result.tolerance)) {
            problems.push(`crosscheck "${result.name}" seed ${seed}: max abs error ${formatNumber(result.maxAbsError)} > tolerance ${formatNumber(result.tolerance)}`);
          }
        }
      } catch (error) {
        problems.push(`crosscheck seed ${seed} threw: ${(error as Error).message}`);
      }
    }
  }
  return { slug, ok: problems.length === 0, problems, warnings, gradings };
}
