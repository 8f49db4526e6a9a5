import { loadCatalog } from "../../../exercises/catalog";
import { mathToText } from "../../math-text";
import type { Command } from "../command";

export const exercisesCommand: Command = {
  name: "exercises",
  async run({ values, io, lang }) {
    const entries = loadCatalog();
    if (values.json) {
      const list = entries.map(({ meta }) => ({
        slug: meta.slug,
        title: meta.title,
        topics: meta.topics,
        difficulty: meta.difficulty,
        functionName: meta.functionName,
        params: meta.params,
      }));
      io.out(JSON.stringify(list, null, 2));
      return 0;
    }
    if (entries.length === 0) {
      io.out(lang === "zh" ? "还没有练习。" : "No exercises yet.");
      return 0;
    }
    const width = Math.max(...entries.map((e) => e.meta.slug.length));
    for (const { meta } of entries) {
      io.out(`${meta.slug.padEnd(width)}  ${"★".repeat(meta.difficulty).padEnd(3)}  ${mathToText(meta.title[lang])}  [${meta.topics.join(", ")}]`);
    }
    return 0;
  },
};
