import { mathToText } from "../../math-text";
import type { Command } from "../command";
import { requireExercise } from "../options";

export const showCommand: Command = {
  name: "show",
  async run({ positionals, values, io, lang, say }) {
    const { meta, statement, starter } = requireExercise(positionals[0], say);
    const heading = lang === "zh" ? { starter: "起始代码（starter.ts）", hints: "提示", topics: "主题", difficulty: "难度" } : { starter: "Starter (starter.ts)", hints: "Hints", topics: "topics", difficulty: "difficulty" };
    const colon = lang === "zh" ? "：" : ": ";
    io.out(`${mathToText(meta.title[lang])}  (${meta.slug})`);
    io.out(`${heading.topics}${colon}${meta.topics.join(", ")} · ${heading.difficulty}${colon}${"★".repeat(meta.difficulty)}`);
    io.out("");
    io.out(mathToText(statement[lang]).trimEnd());
    io.out("");
    io.out(`── ${heading.starter} ──`);
    io.out(starter.trimEnd());
    if (values.hints) {
      io.out("");
      io.out(`── ${heading.hints} ──`);
      meta.hints.forEach((hint, i) => io.out(`${i + 1}. ${mathToText(hint[lang])}`));
    }
    return 0;
  },
};
