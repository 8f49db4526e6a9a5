import type { Command } from "../command";
import { langOption, parseLang, requireExercise } from "../options";

export const showCommand: Command = {
  name: "show",
  usage: "lacuna show <slug> [--lang zh|en] [--hints]",
  summary: "print an exercise's statement and starter code",
  options: { ...langOption, hints: { type: "boolean" } },
  async run({ positionals, values, io }) {
    const lang = parseLang(values.lang);
    const { meta, statement, starter } = requireExercise(positionals[0]);
    const heading = lang === "zh" ? { starter: "起始代码 (starter.ts)", hints: "提示", topics: "主题", difficulty: "难度" } : { starter: "Starter (starter.ts)", hints: "Hints", topics: "topics", difficulty: "difficulty" };
    io.out(`${meta.title[lang]}  (${meta.slug})`);
    io.out(`${heading.topics}: ${meta.topics.join(", ")} · ${heading.difficulty}: ${"★".repeat(meta.difficulty)}`);
    io.out("");
    io.out(statement[lang].trimEnd());
    io.out("");
    io.out(`── ${heading.starter} ──`);
    io.out(starter.trimEnd());
    if (values.hints) {
      io.out("");
      io.out(`── ${heading.hints} ──`);
      meta.hints.forEach((hint, i) => io.out(`${i + 1}. ${hint[lang]}`));
    }
    return 0;
  },
};
