/** The `lacuna` command's own words (errors and labels), in both languages; the help is in ./spec.mjs. */
import type { Lang } from "../../exercises/schema";

export interface CliMessages {
  unknownCommand(name: string): string;
  unknownOption(option: string): string;
  missingValue(option: string): string;
  takesNoValue(option: string): string;
  langInvalid(value: string): string;
  seedInvalid(value: string, max: number): string;
  wholeNumberInvalid(option: string, value: string, min: number, max: number): string;
  typeBudgetInvalid(value: string): string;
  missingSlug: string;
  noExercise(slug: string, close: readonly string[]): string;
  missingFile: string;
  cannotRead(file: string, reason: string): string;
  noSuchFile: string;
  noCard(id: string, close: readonly string[]): string;
  topicInvalid(topic: string, topics: readonly string[]): string;
  markdownNeedsMutants: string;
  budgetNeedsMutants: string;
  jsonOrMarkdown: string;
  noExercises: string;
  gradings(count: number): string;
  problem: string;
  warning: string;
  usage: string;
  seed: string;
}

const list = (items: readonly string[], separator: string) => items.join(separator);

export const cliMessages: Record<Lang, CliMessages> = {
  en: {
    unknownCommand: (name) => `unknown command "${name}"`,
    unknownOption: (option) => `unknown option ${option} (--help lists the options)`,
    missingValue: (option) => `${option} needs a value`,
    takesNoValue: (option) => `${option} takes no value`,
    langInvalid: (value) => `--lang must be zh or en, not "${value}"`,
    seedInvalid: (value, max) => `--seed must be a whole number from 0 to ${max}, not "${value}"`,
    wholeNumberInvalid: (option, value, min, max) => `--${option} must be a whole number from ${min} to ${max}, not "${value}"`,
    typeBudgetInvalid: (value) => `--type-budget must be a whole number of milliseconds, at least 1 (got ${JSON.stringify(value)})`,
    missingSlug: "missing the exercise slug (lacuna exercises lists them)",
    noExercise: (slug, close) => `there is no exercise "${slug}"${close.length ? ` (did you mean ${list(close, ", ")}?)` : " (lacuna exercises lists them)"}`,
    missingFile: "missing the file to grade: lacuna grade <slug> <file.ts>",
    cannotRead: (file, reason) => `cannot read ${file}: ${reason}`,
    noSuchFile: "no such file",
    noCard: (id, close) => `there is no card "${id}"${close.length ? ` (did you mean ${list(close, ", ")}?)` : ""}`,
    topicInvalid: (topic, topics) => `--topic must be a topic id (one of ${list(topics, ", ")}), not "${topic}"`,
    markdownNeedsMutants: "--markdown prints the mutation scores: use it with --mutants",
    budgetNeedsMutants: "--budget limits the mutants graded: use it with --mutants",
    jsonOrMarkdown: "choose one of --json and --markdown",
    noExercises: "no exercises found",
    gradings: (count) => `${count} gradings`,
    problem: "problem",
    warning: "warning",
    usage: "usage",
    seed: "seed",
  },
  zh: {
    unknownCommand: (name) => `没有 "${name}" 这个命令`,
    unknownOption: (option) => `没有 ${option} 这个选项（--help 列出所有选项）`,
    missingValue: (option) => `${option} 需要一个值`,
    takesNoValue: (option) => `${option} 不接受值`,
    langInvalid: (value) => `--lang 只能是 zh 或 en，不能是 "${value}"`,
    seedInvalid: (value, max) => `--seed 必须是 0 到 ${max} 之间的整数，不能是 "${value}"`,
    wholeNumberInvalid: (option, value, min, max) => `--${option} 必须是 ${min} 到 ${max} 之间的整数，不能是 "${value}"`,
    typeBudgetInvalid: (value) => `--type-budget 必须是至少为 1 的整数毫秒数（收到的是 ${JSON.stringify(value)}）`,
    missingSlug: "缺少练习的 slug（用 lacuna exercises 查看列表）",
    noExercise: (slug, close) => `没有名为 "${slug}" 的练习${close.length ? `（你是不是想找 ${list(close, "、")}？）` : "（用 lacuna exercises 查看列表）"}`,
    missingFile: "缺少要评分的文件：lacuna grade <slug> <file.ts>",
    cannotRead: (file, reason) => `无法读取 ${file}：${reason}`,
    noSuchFile: "文件不存在",
    noCard: (id, close) => `没有 "${id}" 这张卡片${close.length ? `（你是不是想找 ${list(close, "、")}？）` : ""}`,
    topicInvalid: (topic, topics) => `--topic 必须是主题 id（${list(topics, "、")} 之一），不能是 "${topic}"`,
    markdownNeedsMutants: "--markdown 输出的是变异得分：请与 --mutants 一起使用",
    budgetNeedsMutants: "--budget 限制评分的变异体数量：请与 --mutants 一起使用",
    jsonOrMarkdown: "--json 和 --markdown 只能选一个",
    noExercises: "没有找到练习",
    gradings: (count) => `评分 ${count} 次`,
    problem: "问题",
    warning: "警告",
    usage: "用法",
    seed: "种子",
  },
};
