import { generateCases, loadOracle } from "../../../exercises/oracle";
import type { Json } from "../../../exercises/schema";
import { formatArgs, formatValue } from "../../format";
import { encodeSpecialJson } from "../../special-json";
import type { Command } from "../command";
import { jsonOption, langOption, parseLang, parseSeed, requireExercise, seedOption } from "../options";

export const casesCommand: Command = {
  name: "cases",
  usage: "lacuna cases <slug> [--seed N] [--json] [--lang zh|en]",
  summary: "print the visible cases with their inputs and expected outputs",
  options: { ...seedOption, ...jsonOption, ...langOption },
  async run({ positionals, values, io }) {
    const lang = parseLang(values.lang);
    const seed = parseSeed(values.seed);
    const entry = requireExercise(positionals[0]);
    const oracle = await loadOracle(entry);
    const visible = generateCases(oracle, seed)
      .filter((c) => c.visible)
      .map((c) => ({ case: c, expected: oracle.reference(...(structuredClone(c.args) as Json[])) }));
    if (values.json) {
      // NaN, ±Infinity and -0 are written as {"$lacuna": "NaN"} and so on (see grader/special-json.ts).
      const list = visible.map(({ case: c, expected }) => ({
        name: c.name,
        weight: c.weight,
        note: c.note?.[lang] ?? null,
        args: Object.fromEntries(entry.meta.params.map((p, i) => [p, c.args[i]])),
        expected,
      }));
      io.out(encodeSpecialJson({ slug: entry.meta.slug, seed, cases: list }, 2));
      return 0;
    }
    io.out(`${entry.meta.slug} · seed ${seed} · ${entry.meta.functionName}(${entry.meta.params.join(", ")})`);
    for (const { case: c, expected } of visible) {
      io.out("");
      io.out(`• ${c.name}${c.note ? ` — ${c.note[lang]}` : ""}`);
      io.out(`    ${formatArgs(entry.meta.params, c.args, 2000)}`);
      io.out(`    → ${formatValue(expected, 2000)}`);
    }
    return 0;
  },
};
