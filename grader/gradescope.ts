/**
 * Converts a grade report to Gradescope's autograder results.json: one test per case, score in points
 * (case weights), misconception ids and errors in extra_data.
 */
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
