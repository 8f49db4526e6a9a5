import { generateCases, loadOracle } from "../../../exercises/oracle";
import type { Json } from "../../../exercises/schema";
import { formatArgs, formatValue } from "../../format";
import { mathToText } from "../../math-text";
import { encodeSpecialJson } from "../../special-json";
import type { Command } from "../command";
import { parseSeed, requireExercise } from "../options";

export const casesCommand: Command = {
  name: "cases",
  async run({ positionals, values, io, lang, say }) {
    const seed = parseSeed(values.seed, say);
    const entry = requireExercise(positionals[0], say);
    const oracle = await loadOracle(entry);
    const visible = generateCases(oracle, seed)
      .filter((c) => c.visible)
      .map((c) => ({ case: c, expected: oracle.reference(...(structuredClone(c.args) as Json[])) }));
    if (values.json) {
      // NaN, ±Infinity and -0 are written as {"$lacuna": "NaN"} and so on (see grader/special-json.ts).
      const list = visible.map(({ case: c, expected }) => ({
        name: c.name[lang],
        weight: c.weight,
        note: c.note?.[lang] ?? null,
        args: Object.fromEntries(entry.meta.params.map((p, i) => [p, c.args[i]])),
        expected,
      }));
      io.out(encodeSpecialJson({ slug: entry.meta.slug, seed, cases: list }, 2));
      return 0;
    }
    io.out(`${entry.meta.slug} · ${say.seed} ${seed} · ${entry.meta.functionName}(${entry.meta.params.join(", ")})`);
    for (const { case: c, expected } of visible) {
      io.out("");
      io.out(`• ${c.name[lang]}${c.note ? ` — ${mathToText(c.note[lang])}` : ""}`);
      io.out(`    ${formatArgs(entry.meta.params, c.args, 2000)}`);
      io.out(`    → ${formatValue(expected, 2000)}`);
    }
    return 0;
  },
};
