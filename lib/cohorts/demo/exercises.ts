// The demo cohort's exercises and the real grade reports its seeded submissions carry (reports.json, made by
// `npm run demo:reports`, scripts/demo-reports.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { gradeReportSchema, type GradeReport } from "../../../grader/report";

/** Each exercise with the two misconceptions demo learners make in it (each a file in its misconceptions/). */
export const DEMO_EXERCISES = [
  { slug: "linear-regression-cost", misconceptions: ["missing-one-half", "forgot-bias"] },
  { slug: "linear-regression-gradient", misconceptions: ["missing-one-over-m", "weight-gradient-missing-x"] },
  { slug: "gradient-descent", misconceptions: ["non-simultaneous-update", "plus-instead-of-minus"] },
  { slug: "sigmoid", misconceptions: ["exponent-sign-flipped", "complement-by-subtraction"] },
  { slug: "logistic-predict", misconceptions: ["no-sigmoid", "threshold-on-z"] },
  { slug: "softmax", misconceptions: ["no-max-subtraction", "wrong-axis"] },
] as const;

export const DEMO_REPORTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "reports.json");

export interface DemoReport {
  slug: string;
  /** "solution" or the misconception id the file plants. */
  variant: string;
  source: string;
  report: GradeReport;
}

const demoReportsSchema = z.array(z.object({ slug: z.string(), variant: z.string(), source: z.string(), report: gradeReportSchema }));

/** The stored reports, validated as the app validates any stored report. */
export function loadDemoReports(file: string = DEMO_REPORTS_FILE): DemoReport[] {
  return demoReportsSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}
