import { z } from "zod";
import { loadCatalog } from "../../../exercises/catalog";
import { checkExercise, type ExerciseCheck } from "../../check";
import { catalogTable } from "../../mutants/catalog-table";
import { formatMutationReport, runMutationGate, type MutationReport } from "../../mutants/gate";
import { createGraderPool } from "../../pool";
import { CliError, type Command } from "../command";
import { jsonOption, requireExercise } from "../options";

function positiveInt(value: unknown, option: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = z.coerce.number().int().min(1).max(10_000).safeParse(value);
  if (!parsed.success || !/^\d+$/.test(String(value))) throw new CliError(`--${option} must be a whole number from 1 to 10000, not "${String(value)}"`);
  return parsed.data;
}

export const checkCommand: Command = {
  name: "check",
  usage: "lacuna check [slug] [--seeds N] [--json]  |  lacuna check --mutants [slug] [--seeds N] [--budget N] [--json | --markdown]",
  summary:
    "author quality gate: solution passes 20 seeds and agrees with the float32 reference to a tenth of the tolerance, every misconception is caught and named, both languages, crosscheck; " +
    "--mutants instead grades automatic mutants of solution.ts (seeds 1..3 unless --seeds, every mutant unless --budget) and needs 90 % of the non-equivalent ones killed; --markdown prints the catalog table",
  options: { ...jsonOption, seeds: { type: "string" }, mutants: { type: "boolean" }, budget: { type: "string" }, markdown: { type: "boolean" } },
  async run({ positionals, values, io }) {
    const entries = positionals[0] ? [requireExercise(positionals[0])] : loadCatalog();
    const seedCount = positiveInt(values.seeds, "seeds");
    if (values.markdown && !values.mutants) throw new CliError("--markdown prints the mutation scores: use it with --mutants");
    if (values.budget !== undefined && !values.mutants) throw new CliError("--budget limits the mutants graded: use it with --mutants");
    if (values.markdown && values.json) throw new CliError("choose one of --json and --markdown");
    const pool = createGraderPool();
    try {
      if (values.mutants) {
        const budget = positiveInt(values.budget, "budget");
        const seeds = Array.from({ length: seedCount ?? 3 }, (_, i) => i + 1);
        const reports: MutationReport[] = [];
        for (const entry of entries) {
          const report = await runMutationGate(entry, pool, { seeds, budget });
          reports.push(report);
          if (!values.json && !values.markdown) for (const line of formatMutationReport(report)) io.out(line);
          else if (values.markdown) io.err(formatMutationReport(report)[0]!);
        }
        if (values.json) io.out(JSON.stringify(reports, null, 2));
        if (values.markdown) io.out(catalogTable(entries, reports));
        return reports.every((r) => r.ok) ? 0 : 1;
      }
      const results: ExerciseCheck[] = [];
      for (const entry of entries) {
        const result = await checkExercise(entry, pool, { seeds: seedCount ?? 20 });
        results.push(result);
        if (!values.json) {
          io.out(`${result.ok ? "✓" : "✗"} ${result.slug} (${result.gradings} gradings)`);
          for (const p of result.problems) io.out(`    problem: ${p}`);
          for (const w of result.warnings) io.out(`    warning: ${w}`);
        }
      }
      if (values.json) io.out(JSON.stringify(results, null, 2));
      else if (entries.length === 0) io.out("no exercises found");
      return results.every((r) => r.ok) ? 0 : 1;
    } finally {
      await pool.close();
    }
  },
};
