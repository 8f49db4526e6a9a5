// The `lacuna` commands as a user sees them: names, arguments, options (node:util parseArgs configs with their
// explanations) and help, in English and Chinese. Plain JavaScript that imports nothing, so `lacuna --help` and
// `lacuna <command> --help` answer without registering tsx or loading a command (grader/bin/lacuna.mjs);
// main.ts parses with the same options. Types: ./spec.d.mts.

/** @typedef {"en" | "zh"} Lang */
/** @typedef {{ en: string, zh: string }} Localized */
/** @typedef {{ type: "string" | "boolean", short?: string, value?: string, help: Localized }} OptionSpec */
/** @typedef {{ name: string, args: string, summary: Localized, description?: Localized, options: Record<string, OptionSpec>, exits?: Localized, examples: string[] }} CommandSpec */

/** @type {(extra?: Localized) => OptionSpec} */
const langOption = (extra) => ({
  type: "string",
  short: "l",
  value: "zh|en",
  help: {
    en: `the language${extra ? ` of ${extra.en}` : ""} (default: $LACUNA_LANG, else en)`,
    zh: `${extra ? `${extra.zh}的` : ""}语言（默认取 $LACUNA_LANG，否则为 en）`,
  },
});

/** @type {OptionSpec} */
const seedOption = {
  type: "string",
  short: "s",
  value: "N",
  help: {
    en: "the seed of the generated cases, a whole number from 0 to 4294967295 (default 1); the same seed always gives the same cases",
    zh: "生成用例的种子，0 到 4294967295 之间的整数（默认 1）；同一个种子总是生成同样的用例",
  },
};

/** @type {CommandSpec[]} */
export const commandSpecs = [
  {
    name: "exercises",
    args: "",
    summary: { en: "list the exercises", zh: "列出所有练习" },
    description: {
      en: "Lists every exercise: its slug (what the other commands take), difficulty (★ to ★★★), title and topics.",
      zh: "列出所有练习：slug（其他命令用它指定练习）、难度（★ 到 ★★★）、标题和主题。",
    },
    options: {
      json: { type: "boolean", help: { en: "print the list as JSON (slug, title in both languages, topics, difficulty, function and parameters)", zh: "以 JSON 输出列表（slug、中英文标题、主题、难度、函数名和参数）" } },
      lang: langOption({ en: "the titles", zh: "标题" }),
    },
    examples: ["lacuna exercises", "lacuna exercises --lang zh"],
  },
  {
    name: "show",
    args: "<slug>",
    summary: { en: "print an exercise's statement and starter code", zh: "显示练习的题目和起始代码" },
    description: {
      en: "Prints the statement (formulas as text), the starter code to copy into a file, and with --hints the hints.",
      zh: "显示题目（公式以文本形式显示）、可以复制到文件里的起始代码；加 --hints 时还显示提示。",
    },
    options: {
      lang: langOption({ en: "the statement", zh: "题目" }),
      hints: { type: "boolean", help: { en: "also print the hints, numbered", zh: "同时显示编号的提示" } },
    },
    examples: ["lacuna show linear-regression-cost", "lacuna show linear-regression-cost --lang zh --hints"],
  },
  {
    name: "cases",
    args: "<slug>",
    summary: { en: "print the visible cases with their inputs and expected outputs", zh: "显示可见用例的输入和期望输出" },
    description: {
      en: "Prints the visible cases of a seed: each case's name and note, its inputs and the expected output. Hidden cases are never shown.",
      zh: "显示某个种子下的可见用例：每个用例的名称和说明、输入和期望输出。隐藏用例不会显示。",
    },
    options: {
      seed: seedOption,
      json: { type: "boolean", help: { en: 'print the cases as JSON; NaN, ±Infinity and -0 are written as {"$lacuna": "NaN"} and so on', zh: '以 JSON 输出用例；NaN、±Infinity 和 -0 写成 {"$lacuna": "NaN"} 等形式' } },
      lang: langOption({ en: "the case notes", zh: "用例说明" }),
    },
    examples: ["lacuna cases linear-regression-cost", "lacuna cases linear-regression-cost --seed 7 --json"],
  },
  {
    name: "grade",
    args: "<slug> <file.ts>",
    summary: { en: "grade a file: a readable report, or Gradescope's results.json", zh: "为一个文件评分：输出可读的报告，或 Gradescope 的 results.json" },
    description: {
      en: "Grades your TypeScript file on the exercise's visible and hidden cases in the sandbox, compares the numbers with the reference, names the misconception they point to, and type-checks the file beside the grade.",
      zh: "在沙箱中用练习的可见用例和隐藏用例为你的 TypeScript 文件评分，把结果与参考实现逐数比较，指出数值所对应的常见误解，并在评分的同时做类型检查。",
    },
    options: {
      seed: seedOption,
      json: { type: "boolean", help: { en: "print Gradescope's results.json instead of the report (for an autograder)", zh: "输出 Gradescope 的 results.json 而不是报告（供自动评分平台使用）" } },
      lang: langOption({ en: "the report and the messages", zh: "报告和消息" }),
      "visible-only": {
        type: "boolean",
        help: {
          en: "grade only the visible cases (the ones `lacuna cases` prints) and skip the hidden ones: a quick check while you work",
          zh: "只用可见用例评分（即 `lacuna cases` 显示的用例），跳过隐藏用例：写代码时快速检查",
        },
      },
      "no-types": {
        type: "boolean",
        help: {
          en: "skip the TypeScript type check; the grade is the same (type errors are only warnings), it just comes without them",
          zh: "跳过 TypeScript 类型检查；评分结果不变（类型错误只是警告），只是不显示类型警告",
        },
      },
      "type-budget": {
        type: "string",
        value: "MS",
        help: {
          en: "how long the type check may take beside the grade, in milliseconds (default 5000); a check that takes longer is reported as skipped",
          zh: "类型检查在评分之外最多可用的时间，单位毫秒（默认 5000）；超时的检查会报告为已跳过",
        },
      },
    },
    exits: {
      en: "exit status: 0 every case passed; 1 graded, some cases failed (including code that threw, hung or ran out of memory); 2 could not grade (unknown exercise, unreadable file, compile error, missing function, bad option)",
      zh: "退出码：0 全部用例通过；1 已评分，有用例未通过（包括代码抛出异常、卡死或内存耗尽）；2 无法评分（练习不存在、文件无法读取、编译错误、缺少函数、选项有误）",
    },
    examples: ["lacuna grade linear-regression-cost cost.ts", "lacuna grade linear-regression-cost cost.ts --visible-only --lang zh", "lacuna grade linear-regression-cost cost.ts --json > results.json"],
  },
  {
    name: "check",
    args: "[slug]",
    summary: { en: "the exercise authors' quality gate (every exercise, or one)", zh: "练习作者的质量关卡（检查全部练习或其中一个）" },
    description: {
      en: "For authors: the solution passes every seed and agrees with the float32 reference to a tenth of the tolerance, every misconception fails a visible case on every seed and is named, both languages are written, the cross-check holds. With --mutants it grades automatic mutants of solution.ts instead and needs 90 % of them killed.",
      zh: "供练习作者使用：参考解法在每个种子上都通过，并与 float32 参考实现的差距在容差的十分之一以内；每个误解在每个种子上都至少让一个可见用例失败并被指出；两种语言都已写好；交叉验证成立。加 --mutants 时改为对 solution.ts 的自动变异体评分，要求至少 90 % 被杀死。",
    },
    options: {
      seeds: { type: "string", value: "N", help: { en: "check seeds 1 to N (default 20; 3 with --mutants)", zh: "检查种子 1 到 N（默认 20；加 --mutants 时默认 3）" } },
      json: { type: "boolean", help: { en: "print the results as JSON", zh: "以 JSON 输出结果" } },
      mutants: { type: "boolean", help: { en: "run the mutation gate instead", zh: "改为运行变异测试关卡" } },
      budget: { type: "string", value: "N", help: { en: "with --mutants: grade at most N mutants per exercise (default: every mutant)", zh: "与 --mutants 一起使用：每个练习最多评 N 个变异体（默认全部）" } },
      markdown: { type: "boolean", help: { en: "with --mutants: print the catalog's table of mutation scores", zh: "与 --mutants 一起使用：输出练习目录的变异得分表" } },
      lang: langOption({ en: "the messages", zh: "消息" }),
    },
    exits: { en: "exit status: 0 no problems; 1 problems found; 2 bad option or unknown exercise", zh: "退出码：0 没有问题；1 发现问题；2 选项有误或练习不存在" },
    examples: ["lacuna check linear-regression-cost", "lacuna check --mutants linear-regression-cost --budget 50"],
  },
  {
    name: "cards",
    args: "[card-id]",
    summary: { en: "validate the flashcards and list them: counts per topic, a topic's cards, or one card", zh: "校验闪卡并列出：每个主题的数量、某个主题的卡片，或单张卡片" },
    options: {
      topic: { type: "string", short: "t", value: "TOPIC", help: { en: "list the cards of one topic (a topic id)", zh: "列出某个主题的卡片（主题 id）" } },
      json: { type: "boolean", help: { en: "print as JSON", zh: "以 JSON 输出" } },
      lang: langOption({ en: "the cards", zh: "卡片" }),
    },
    examples: ["lacuna cards", "lacuna cards --topic rnn", "lacuna cards rnn-why-not-feedforward --lang zh"],
  },
];

/** @type {(name: string) => CommandSpec | undefined} */
export function findCommandSpec(name) {
  return commandSpecs.find((c) => c.name === name);
}

/** The language a command line asks for: --lang/-l (if valid), else $LACUNA_LANG, else English. */
/** @type {(argv: readonly string[], env?: Record<string, string | undefined>) => Lang} */
export function requestedLang(argv, env = process.env) {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = arg === "--lang" || arg === "-l" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice(7) : arg.startsWith("-l") && arg.length > 2 ? arg.slice(2) : undefined;
    if (value === "zh" || value === "en") return value;
  }
  return env.LACUNA_LANG === "zh" ? "zh" : "en";
}

const words = {
  en: { usage: "usage: ", commands: "commands:", options: "options:", examples: "examples:", help: "show this help", more: "lacuna <command> --help explains a command and each of its options.", env: "environment: LACUNA_LANG=zh makes Chinese the default language; LACUNA_EXERCISES_DIR points at another exercise tree.", command: "<command>", options_: "[options]" },
  zh: { usage: "用法：", commands: "命令：", options: "选项：", examples: "示例：", help: "显示本帮助", more: "lacuna <命令> --help 说明一个命令及其每个选项。", env: "环境变量：LACUNA_LANG=zh 把默认语言设为中文；LACUNA_EXERCISES_DIR 指向另一个练习目录。", command: "<命令>", options_: "[选项]" },
};

/** Columns a character takes in a terminal: CJK and full-width forms take two. */
/** @type {(text: string) => number} */
function displayWidth(text) {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

/**
 * `text` in lines that end by column `width`, each starting at column `indent` (the caller writes what stands
 * before the first). English breaks at spaces; Chinese anywhere but before its closing punctuation.
 */
/** @type {(text: string, width: number, indent: number) => string} */
function wrap(text, width, indent) {
  const units = text.match(/[\u2e80-\u9fff\uf900-\ufaff][，。；：、）》」]*|[（《「]*[\u2e80-\u9fff\uf900-\ufaff]|\S+\s*|\s+/g) ?? [];
  const lines = [];
  let line = "";
  for (const unit of units) {
    const room = width - indent;
    if (line && displayWidth((line + unit).trimEnd()) > room) {
      lines.push(line.trimEnd());
      line = unit.trimStart();
    } else line += unit;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.join(`\n${" ".repeat(indent)}`);
}

/** The terminal's width when there is one, else 100 columns. */
const columns = () => Math.max(60, Math.min(process.stdout.columns || 100, 120));

/** `lacuna --help`: every command with its summary. */
/** @type {(lang: Lang) => string} */
export function usageText(lang) {
  const w = words[lang];
  const width = Math.max(...commandSpecs.map((c) => c.name.length));
  return [
    `${w.usage}lacuna ${w.command} ${w.options_}`,
    "",
    w.commands,
    ...commandSpecs.map((c) => `  ${c.name.padEnd(width)}  ${wrap(c.summary[lang], columns(), width + 4)}`),
    "",
    wrap(w.more, columns(), 0),
    wrap(w.env, columns(), 0),
  ].join("\n");
}

/** The usage line of a command: `lacuna grade <slug> <file.ts> [options]`. */
/** @type {(spec: CommandSpec, lang: Lang) => string} */
export function usageLine(spec, lang) {
  return `lacuna ${spec.name}${spec.args ? ` ${spec.args}` : ""} ${words[lang].options_}`;
}

/** `lacuna <command> --help`: what the command does, each option explained, exit status and examples. */
/** @type {(spec: CommandSpec, lang: Lang) => string} */
export function commandHelp(spec, lang) {
  const w = words[lang];
  const rows = [
    ...Object.entries(spec.options).map(([name, o]) => [`${o.short ? `-${o.short}, ` : "    "}--${name}${o.value ? ` ${o.value}` : ""}`, o.help[lang]]),
    ["-h, --help", w.help],
  ];
  const width = Math.max(...rows.map(([flag]) => flag.length));
  const lines = [`${w.usage}${usageLine(spec, lang)}`, "", wrap(spec.description?.[lang] ?? `${spec.summary[lang]}${lang === "zh" ? "。" : "."}`, columns(), 0), "", w.options];
  for (const [flag, help] of rows) lines.push(`  ${flag.padEnd(width)}  ${wrap(help, columns(), width + 4)}`);
  if (spec.exits) lines.push("", wrap(spec.exits[lang], columns(), 0));
  lines.push("", w.examples, ...spec.examples.map((e) => `  ${e}`));
  return lines.join("\n");
}

/**
 * The help a command line asks for, or null when it asks for something else: `lacuna`, `lacuna help`,
 * `lacuna --help`, `lacuna help <command>`, `lacuna <command> --help`. `code` is the exit status (2 when no
 * command was given at all).
 */
/** @type {(argv: readonly string[], env?: Record<string, string | undefined>) => { text: string, code: number } | null} */
export function helpFor(argv, env = process.env) {
  const lang = requestedLang(argv, env);
  const [first, ...rest] = argv;
  if (first === undefined) return { text: usageText(lang), code: 2 };
  if (first === "help" || first === "--help" || first === "-h") {
    const spec = rest[0] === undefined ? undefined : findCommandSpec(rest[0]);
    return { text: spec ? commandHelp(spec, lang) : usageText(lang), code: 0 };
  }
  const spec = findCommandSpec(first);
  if (spec && (rest.includes("--help") || rest.includes("-h"))) return { text: commandHelp(spec, lang), code: 0 };
  return null;
}
