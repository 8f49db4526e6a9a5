import { loadCatalog } from "../../../exercises/catalog";
import { checkExercise, type ExerciseCheck } from "../../check";
import { createGraderPool } from "../../pool";
import type { Command } from "../command";
import { jsonOption, requireExercise } from "../options";

export const checkCommand: Command = {
  name: "check",
  usage: "lacuna check [slug] [--seeds N] [--json]",
  summary: "author quality gate: solution passes 20 seeds, every misconception is caught and named, both languages, crosscheck",
  options: { ...jsonOption, seeds: { type: "string" } },
  async run({ positionals, values, io }) {
    const entries = positionals[0] ? [requireExercise(positionals[0])] : loadCatalog();
    const seeds = values.seeds === undefined ? 20 : Number(values.seeds);
    const pool = createGraderPool();
    const results: ExerciseCheck[] = [];
    try {
      for (const entry of entries) {
        const result = await checkExercise(entry, pool, { seeds });
        results.push(result);
        if (!values.json) {
          io.out(`${result.ok ? "✓" : "✗"} ${result.slug} (${result.gradings} gradings)`);
          for (const p of result.problems) io.out(`    problem: ${p}`);
          for (const w of result.warnings) io.out(`    warning: ${w}`);
        }
      }
    } finally {
      await pool.close();
    }
    if (values.json) io.out(JSON.stringify(results, null, 2));
    else if (entries.length === 0) io.out("no exercises found");
    return results.every((r) => r.ok) ? 0 : 1;
  },
};
