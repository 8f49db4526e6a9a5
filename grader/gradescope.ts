/**
 * Converts a grade report to Gradescope's autograder results.json: one test per case, score in points
 * (case weights), misconception ids and errors in extra_data. `assignmentToGradescope` does the same for a
 * Lacuna assignment of several exercises (the autograder bundle's run_autograder, grader/gradescope-autograder.ts),
 * each exercise worth its points and configured by `autograderConfigSchema` (lacuna-autograder.json).
 */
import { z } from "zod";
import { formatNumber } from "./format";
import type { CaseResult, GradeReport } from "./report";

export interface GradescopeTest {
  name: string;
  status: "passed" | "failed";
  score: number;
  max_score: number;
  output: string;
  visibility: "visible" | "hidden" | "after_due_date" | "after_published";
}

export interface GradescopeResults {
  score: number;
  max_score: number;
  execution_time: number;
  output: string;
  output_format: "text";
  visibility: "visible";
  tests: GradescopeTest[];
  extra_data: {
    slug: string;
    seed: number;
    status: GradeReport["status"];
    misconceptions: string[];
    compileErrors: GradeReport["compileErrors"];
    runtimeError: GradeReport["runtimeError"];
    typeWarnings: GradeReport["typeWarnings"];
  };
}

function caseOutput(c: CaseResult): string {
  const lines: string[] = [];
  if (c.inputs !== null) lines.push(`inputs: ${c.inputs}`);
  if (c.expected !== null) lines.push(`expected: ${c.expected}`);
  if (c.got !== null) lines.push(`got: ${c.got}`);
  if (c.error) lines.push(`error: ${c.error.message}${c.error.location ? ` (line ${c.error.location.line}:${c.error.location.column})` : ""}`);
  for (const p of c.problems) lines.push(p.message);
  if (!c.passed && c.maxAbsError !== null) {
    lines.push(`max abs error ${formatNumber(c.maxAbsError)}${c.maxRelError !== null ? `, max rel error ${formatNumber(c.maxRelError)}` : ""}${c.worstIndex ? ` at ${c.worstIndex}` : ""}`);
  }
  for (const g of c.gradients) lines.push(`relative error of ${g.output}: ${g.relativeError === null ? "not comparable" : formatNumber(g.relativeError)}`);
  return lines.join("\n");
}

export function toGradescope(report: GradeReport): GradescopeResults {
  const summary: string[] = [];
  for (const e of report.compileErrors) summary.push(`compile error${e.location ? ` at ${e.location.line}:${e.location.column}` : ""}: ${e.message}`);
  if (report.runtimeError) summary.push(`error: ${report.runtimeError.message}`);
  for (const d of report.diagnosis) summary.push(`${d.title}: ${d.explanation}`);
  if (report.console.text) summary.push(`console output:\n${report.console.text}${report.console.truncated ? "\n[truncated]" : ""}`);
  return {
    score: report.points,
    max_score: report.maxPoints,
    execution_time: Math.round(report.timing.totalMs) / 1000,
    output: summary.join("\n\n"),
    output_format: "text",
    visibility: "visible",
    tests: report.cases.map((c) => ({
      name: c.name,
      status: c.passed ? "passed" : "failed",
      score: c.passed ? c.weight : 0,
      max_score: c.weight,
      output: caseOutput(c),
      visibility: c.visible ? "visible" : "after_published",
    })),
    extra_data: {
      slug: report.slug,
      seed: report.seed,
      status: report.status,
      misconceptions: report.diagnosis.map((d) => d.misconceptionId),
      compileErrors: report.compileErrors,
      runtimeError: report.runtimeError,
      typeWarnings: report.typeWarnings,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// An assignment's autograder (the bundle made by lib/cohorts/export/gradescope.ts).

/** A submitted file's name: letters, digits, ".", "_" and "-", ending in ".ts" (no folders). */
const submissionFileName = z.string().regex(/^[A-Za-z0-9._-]+\.ts$/, { error: 'must be a file name ending in ".ts" (letters, digits, ".", "_", "-")' });

/** lacuna-autograder.json: what run_autograder grades. */
export const autograderConfigSchema = z.strictObject({
  version: z.literal(1),
  assignment: z.strictObject({ id: z.string().min(1), title: z.string().min(1) }),
  exercises: z
    .array(z.strictObject({ slug: z.string().min(1), title: z.string().min(1), file: submissionFileName, points: z.number().positive().max(1000) }))
    .min(1, { error: "an assignment needs at least one exercise" })
    .refine((list) => new Set(list.map((e) => e.file)).size === list.length, { error: "two exercises cannot share a submission file" }),
  /** The seed of the graded cases (visible and hidden), drawn when the bundle was made. */
  seed: z.number().int().min(0).max(2 ** 31 - 1),
  lang: z.enum(["en", "zh"]),
  /** What setup.sh installs Lacuna's grader from (an npm install spec); null: LACUNA_PACKAGE must say. */
  package: z.string().min(1).nullable(),
});
export type AutograderConfig = z.infer<typeof autograderConfigSchema>;

/** One exercise of the assignment: its report, or why there is none. */
export interface ExerciseOutcome {
  slug: string;
  title: string;
  file: string;
  points: number;
  report: GradeReport | null;
  /** Set when `report` is null: the message the learner sees. */
  problem?: string;
}

export interface AssignmentResults extends Omit<GradescopeResults, "extra_data"> {
  extra_data: {
    assignmentId: string;
    seed: number;
    exercises: { slug: string; status: GradeReport["status"] | "missing"; score: number; misconceptions: string[] }[];
  };
}

const round = (points: number) => Math.round(points * 10_000) / 10_000;

/** Each exercise's cases scaled to its points (a case is worth weight / total weight of the exercise's points). */
export function assignmentToGradescope(assignment: AutograderConfig["assignment"], seed: number, outcomes: readonly ExerciseOutcome[]): AssignmentResults {
  const tests: GradescopeTest[] = [];
  const summary: string[] = [];
  const extra: AssignmentResults["extra_data"]["exercises"] = [];
  let executionTime = 0;
  for (const outcome of outcomes) {
    if (!outcome.report) {
      tests.push({ name: `${outcome.title}: ${outcome.file}`, status: "failed", score: 0, max_score: outcome.points, output: outcome.problem ?? "", visibility: "visible" });
      summary.push(`${outcome.title}: ${outcome.problem ?? ""}`);
      extra.push({ slug: outcome.slug, status: "missing", score: 0, misconceptions: [] });
      continue;
    }
    const single = toGradescope(outcome.report);
    const scale = single.max_score > 0 ? outcome.points / single.max_score : 0;
    executionTime += single.execution_time;
    for (const test of single.tests) tests.push({ ...test, name: `${outcome.title} · ${test.name}`, score: round(test.score * scale), max_score: round(test.max_score * scale) });
    // A compile error leaves no case to carry the points: one test says so and holds them.
    if (single.tests.length === 0) tests.push({ name: outcome.title, status: "failed", score: 0, max_score: outcome.points, output: single.output, visibility: "visible" });
    if (single.output) summary.push(`${outcome.title}:\n${single.output}`);
    extra.push({ slug: outcome.slug, status: outcome.report.status, score: outcome.report.score, misconceptions: single.extra_data.misconceptions });
  }
  return {
    score: round(tests.reduce((sum, t) => sum + t.score, 0)),
    max_score: round(outcomes.reduce((sum, o) => sum + o.points, 0)),
    execution_time: Math.round(executionTime * 1000) / 1000,
    output: summary.join("\n\n"),
    output_format: "text",
    visibility: "visible",
    tests,
    extra_data: { assignmentId: assignment.id, seed, exercises: extra },
  };
}
