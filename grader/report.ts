/**
 * The grade report: what a learner, an instructor dashboard and the Gradescope converter read.
 * Plain JSON (no NaN, no Infinity, no undefined) so the web app can store it and re-validate it with
 * `gradeReportSchema` when it reads it back.
 */
import { z } from "zod";

export const reportVersion = 1;

/** A position in the learner's own file: 1-based line and column. */
export const sourceLocationSchema = z.object({
  line: z.number().int().positive(),
  column: z.number().int().positive(),
});
export type SourceLocation = z.infer<typeof sourceLocationSchema>;

export const compileErrorSchema = z.object({
  message: z.string(),
  location: sourceLocationSchema.nullable(),
  /** The offending line of the learner's file, for a caret display. */
  lineText: z.string().nullable(),
});
export type CompileError = z.infer<typeof compileErrorSchema>;

export const runtimeErrorKinds = [
  "exception",
  "timeout",
  "memory",
  "invalid-output",
  "missing-function",
  "crash",
  "unknown-exercise",
  "internal",
] as const;
export type RuntimeErrorKind = (typeof runtimeErrorKinds)[number];

export const runtimeErrorSchema = z.object({
  kind: z.enum(runtimeErrorKinds),
  message: z.string(),
  /** Where in the learner's file the error was thrown, when the stack points into it. */
  location: sourceLocationSchema.nullable(),
});
export type RuntimeError = z.infer<typeof runtimeErrorSchema>;

export const typeWarningSchema = z.object({
  message: z.string(),
  location: sourceLocationSchema,
  code: z.number().int(),
});
export type TypeWarning = z.infer<typeof typeWarningSchema>;

export const shapeProblemSchema = z.object({
  /** Output key ("" for a single unnamed output), or the path of a nested value. */
  output: z.string(),
  message: z.string(),
});
export type ShapeProblem = z.infer<typeof shapeProblemSchema>;

export const gradientErrorSchema = z.object({
  output: z.string(),
  /** ‖got − expected‖ / (‖got‖ + ‖expected‖); null when not comparable (shape or non-finite values). */
  relativeError: z.number().nonnegative().nullable(),
});

export const caseResultSchema = z.object({
  name: z.string(),
  visible: z.boolean(),
  weight: z.number().positive(),
  passed: z.boolean(),
  /**
   * false when the learner's function was never called on this case: an earlier error stopped the
   * submission (its top-level code threw, the time budget ran out, memory, a crash, the watchdog). Reports
   * stored before this field existed read as true.
   */
  ran: z.boolean().default(true),
  note: z.string().nullable(),
  /** Shortened, readable values; null for hidden cases (their data is not revealed). */
  inputs: z.string().nullable(),
  expected: z.string().nullable(),
  got: z.string().nullable(),
  error: runtimeErrorSchema.nullable(),
  problems: z.array(shapeProblemSchema),
  /** Largest |got − expected| over finite elements; null when nothing was numerically comparable. */
  maxAbsError: z.number().nonnegative().nullable(),
  /** Largest |got − expected| / |expected| over finite, non-zero expected elements. */
  maxRelError: z.number().nonnegative().nullable(),
  /** Index path of the element furthest outside the tolerance, e.g. "dw[2][0]". */
  worstIndex: z.string().nullable(),
  gradients: z.array(gradientErrorSchema),
  durationMs: z.number().nonnegative(),
  /**
   * Visible cases of an exercise with a `curveOutput`: that output of the reference and of the learner, for
   * the app's learning-curve chart (non-finite values as null, at most `curveMaxPoints`). Absent otherwise.
   */
  curve: z
    .object({ output: z.string(), expected: z.array(z.number().nullable()), got: z.array(z.number().nullable()).nullable() })
    .nullable()
    .optional(),
});
export type CaseResult = z.infer<typeof caseResultSchema>;

export const curveMaxPoints = 2000;

/** A cost history as chart points: finite numbers kept, anything else (NaN, ±Infinity, non-numbers) null. */
export function curvePoints(value: unknown): (number | null)[] | null {
  if (!Array.isArray(value)) return null;
  return value.slice(0, curveMaxPoints).map((v) => (typeof v === "number" && Number.isFinite(v) ? v : null));
}

export const diagnosisSchema = z.object({
  misconceptionId: z.string(),
  title: z.string(),
  explanation: z.string(),
  /** How many failing cases the misconception's outputs were compared on (all of them matched). */
  matchedCases: z.number().int().positive(),
});
export type Diagnosis = z.infer<typeof diagnosisSchema>;

export const gradeStatuses = ["passed", "failed", "compile-error", "error"] as const;
export type GradeStatus = (typeof gradeStatuses)[number];

export const gradeReportSchema = z.object({
  version: z.literal(reportVersion),
  slug: z.string(),
  seed: z.number().int().nonnegative(),
  lang: z.enum(["zh", "en"]),
  mode: z.enum(["visible", "all"]),
  /**
   * passed: every case passed. failed: graded, some cases failed (including code that threw, hung or ran out
   * of memory). compile-error: the file could not be turned into runnable code. error: the grader could not
   * grade (unknown exercise, the grading process was killed from outside): nothing is the learner's fault.
   */
  status: z.enum(gradeStatuses),
  /** Weighted share of passed cases, 0–1. */
  score: z.number().min(0).max(1),
  points: z.number().nonnegative(),
  maxPoints: z.number().nonnegative(),
  compileErrors: z.array(compileErrorSchema),
  /** An error that stopped the whole submission (top-level code, time budget, memory, crash). */
  runtimeError: runtimeErrorSchema.nullable(),
  console: z.object({ text: z.string(), truncated: z.boolean() }),
  /** null until a type check ran (it runs separately so it never delays grading). */
  typeWarnings: z.array(typeWarningSchema).nullable(),
  cases: z.array(caseResultSchema),
  diagnosis: z.array(diagnosisSchema),
  /**
   * true when grading failed for a reason outside the submission (its worker was killed from outside, the pool
   * was closing): the same submission may be graded again on a fresh worker. Absent on every other report.
   */
  retryable: z.literal(true).optional(),
  timing: z.object({
    queueMs: z.number().nonnegative(),
    compileMs: z.number().nonnegative(),
    expectedMs: z.number().nonnegative(),
    runMs: z.number().nonnegative(),
    diagnosisMs: z.number().nonnegative(),
    totalMs: z.number().nonnegative(),
  }),
});
export type GradeReport = z.infer<typeof gradeReportSchema>;

export type GradeMode = GradeReport["mode"];

export function emptyTiming(): GradeReport["timing"] {
  return { queueMs: 0, compileMs: 0, expectedMs: 0, runMs: 0, diagnosisMs: 0, totalMs: 0 };
}

export interface ReportSubject {
  slug: string;
  seed: number;
  lang: GradeReport["lang"];
  mode: GradeMode;
}

/** A report with no cases: for submissions that could not run (compile errors, unknown exercise, crashes). */
export function reportWithoutCases(subject: ReportSubject, status: GradeStatus, fields: Partial<Pick<GradeReport, "runtimeError" | "compileErrors" | "console" | "timing">> = {}): GradeReport {
  return {
    version: reportVersion,
    // Picked one by one: callers pass whole jobs, which carry the source and paths a report must not.
    slug: subject.slug,
    seed: subject.seed,
    lang: subject.lang,
    mode: subject.mode,
    status,
    score: 0,
    points: 0,
    maxPoints: 0,
    compileErrors: fields.compileErrors ?? [],
    runtimeError: fields.runtimeError ?? null,
    console: fields.console ?? { text: "", truncated: false },
    typeWarnings: null,
    cases: [],
    diagnosis: [],
    timing: fields.timing ?? emptyTiming(),
  };
}

/** What a report shows of a case that never ran: its name, visibility and weight. */
export interface CaseOutline {
  name: string;
  visible: boolean;
  weight: number;
}

/**
 * A case the learner's function was never called on (`error` says why: an earlier error, the budget, …): its
 * outline and nothing else. Also the base of a hidden case's result, which shows no more than that.
 */
export function notRunCaseResult(c: CaseOutline, error: RuntimeError | null): CaseResult {
  return {
    name: c.name,
    visible: c.visible,
    weight: c.weight,
    passed: false,
    ran: false,
    note: null,
    inputs: null,
    expected: null,
    got: null,
    error,
    problems: [],
    maxAbsError: null,
    maxRelError: null,
    worstIndex: null,
    gradients: [],
    durationMs: 0,
    curve: null,
  };
}

/** Attaches type-check warnings (computed separately) to a report. */
export function withTypeWarnings(report: GradeReport, warnings: TypeWarning[]): GradeReport {
  return { ...report, typeWarnings: warnings };
}
