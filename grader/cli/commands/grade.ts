import { readFileSync } from "node:fs";
import { toGradescope } from "../../gradescope";
import { createGraderPool } from "../../pool";
import { renderReport } from "../../render-report";
import { resolveLimits } from "../../limits";
import { messages } from "../../messages";
import { withTypeWarnings, type GradeReport } from "../../report";
import type { TypeCheckResult } from "../../typecheck-pool";
import { CliError, exitCodes, type Command } from "../command";
import type { CliMessages } from "../messages";
import { parseSeed, requireExercise } from "../options";

function exitCodeFor(report: GradeReport): number {
  if (report.status === "passed") return exitCodes.ok;
  if (report.status === "failed") return exitCodes.failures;
  return exitCodes.cannotGrade;
}

/** `--type-budget MS`: how long the type check may take beside the grade (default: the grader's typeCheckMs). */
function parseTypeBudget(value: unknown, say: CliMessages): number | undefined {
  if (value === undefined) return undefined;
  const ms = Number(value);
  if (typeof value !== "string" || !/^\d+$/.test(value) || !Number.isSafeInteger(ms) || ms < 1) throw new CliError(say.typeBudgetInvalid(String(value)));
  return ms;
}

export const gradeCommand: Command = {
  name: "grade",
  async run({ positionals, values, io, lang, say }) {
    const seed = parseSeed(values.seed, say);
    const entry = requireExercise(positionals[0], say);
    const file = positionals[1];
    if (!file) throw new CliError(say.missingFile);
    let source: string;
    try {
      source = readFileSync(file, "utf8");
    } catch (error) {
      throw new CliError(say.cannotRead(file, (error as NodeJS.ErrnoException).code === "ENOENT" ? say.noSuchFile : (error as Error).message));
    }
    const typeCheckMs = parseTypeBudget(values["type-budget"], say);
    const pool = createGraderPool({ workers: 1, limits: { typeCheckMs } });
    try {
      const slug = entry.meta.slug;
      const typeCheck: Promise<TypeCheckResult | null> = values["no-types"] ? Promise.resolve(null) : pool.typeCheck(slug, source).catch(() => null);
      const graded = await pool.grade({ slug, source, seed, lang, mode: values["visible-only"] ? "visible" : "all" });
      // The type check runs beside the grade with its own budget: once the grade is in, the command waits for
      // the check at most that budget more (a check the checker abandons says so sooner), then reports it
      // as skipped.
      const graceMs = resolveLimits({ typeCheckMs }).typeCheckMs;
      const checked = await Promise.race([typeCheck, new Promise<"late">((resolve) => setTimeout(resolve, graceMs, "late").unref())]);
      const notice = checked === "late" ? "too-slow" : (checked?.notice ?? null);
      const warnings = checked !== "late" && checked?.notice === null ? checked.warnings : null;
      const report = warnings && graded.status !== "compile-error" ? withTypeWarnings(graded, warnings) : graded;
      io.out(values.json ? JSON.stringify(toGradescope(report), null, 2) : renderReport(report));
      if (!values.json && notice && graded.status !== "compile-error") io.out(`\n${messages[lang].typeCheckNotice[notice]}`);
      return exitCodeFor(report);
    } finally {
      await pool.close();
    }
  },
};
