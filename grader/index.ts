/**
 * The grader's public API for the web app's grading daemon. Importing this module starts nothing and loads
 * neither isolated-vm nor TensorFlow.js: the pool forks worker processes that do.
 */
export { createGraderPool, gradeRequestSchema, type GradeRequest, type GraderPool, type GraderPoolOptions, type PoolStats } from "./pool";
export { graderLimitsSchema, resolveLimits, type GraderLimits, type GraderLimitsInput } from "./limits";
export {
  gradeReportSchema,
  withTypeWarnings,
  type CaseResult,
  type CompileError,
  type Diagnosis,
  type GradeMode,
  type GradeReport,
  type GradeStatus,
  type RuntimeError,
  type SourceLocation,
  type TypeWarning,
} from "./report";
export { toGradescope, type GradescopeResults, type GradescopeTest } from "./gradescope";
export { renderReport } from "./render-report";
