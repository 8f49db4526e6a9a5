import { z } from "zod";
import { loadCatalog } from "../../../exercises/catalog";
import { checkExercise, type ExerciseCheck } from "../../check";
import { catalogTable } from "../../mutants/catalog-table";
import { formatMutationReport, runMutationGate, type MutationReport } from "../../mutants/gate";
import { createGraderPool } from "../../pool";
import { CliError, type Command } from "../command";
import type { CliMessages } from "../messages";
import { requireExercise } from "../options";

function positiveInt(value: unknown, option: string, say: CliMessages): number | undefined {
  if (value === undefined) return undefined;
  const parsed = z.coerce.number().int().min(1).max(10_000).safeParse(value);
  if (!parsed.success || !/^\d+$/.test(String(value))) throw new CliError(say.wholeNumberInvalid(option, String(value), 1, 10_000));
  return parsed.data;
}

export const checkCommand: Command = {
  name: "check",
  async run({ positionals, values, io, say }) {
    const entries = positionals[0] ? [requireExercise(positionals[0], say)] : loadCatalog();
    const seedCount = positiveInt(values.seeds, "seeds", say);
    if (values.markdown && !values.mutants) throw new CliError(say.markdownNeedsMutants);
    if (values.budget !== undefined && !values.mutants) throw new CliError(say.budgetNeedsMutants);
    if (values.markdown && values.json) throw new CliError(say.jsonOrMarkdown);
    const pool = createGraderPool();
    try {
      if (values.mutants) {
        const budget = positiveInt(values.budget, "budget", say);
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
          io.out(`${result.ok ? "✓" : "✗"} ${result.slug} (${say.gradings(result.gradings)})`);
          for (const p of result.problems) io.out(`    ${say.problem}: ${p}`);
          for (const w of result.warnings) io.out(`    ${say.warning}: ${w}`);
        }
      }
      if (values.json) io.out(JSON.stringify(results, null, 2));
      else if (entries.length === 0) io.out(say.noExercises);
      return results.every((r) => r.ok) ? 0 : 1;
    } finally {
      await pool.close();
    }
  },
};
