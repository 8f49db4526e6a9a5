/** Every message the grader shows a learner, in both languages. */
import type { Lang } from "../exercises/schema";

function kb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

export interface GraderMessages {
  importRejected(path: string): string;
  missingFunction(name: string, params: readonly string[]): string;
  notAFunction(name: string, found: string): string;
  sourceTooLarge(bytes: number, maxBytes: number): string;
  caseTimeout(ms: number): string;
  submissionTimeout(ms: number): string;
  memory(mb: number): string;
  stringOrArrayTooLong(detail: string): string;
  returnedPromise: string;
  outputTooLarge(chars: number): string;
  outputTooDeep: string;
  notRun: string;
  crashed: string;
  killedFromOutside: string;
  unknownExercise(slug: string): string;
  referenceFailed(detail: string): string;
  poolClosed: string;
  thrown(name: string, message: string): string;
  nestedTooDeeply: string;
  watchdog(ms: number): string;
  hiddenCaseError: string;
  notRunStopped: string;
  notRunBudget: string;
  workerOutOfMemory(mb: number, detail: string): string;
  workerCrashed(detail: string): string;
  killedRepeatedly(times: number): string;
  commonJsExport(construct: string, name: string, params: readonly string[]): string;
  topLevelAwait(name: string): string;
  /** esbuild's parse error `text` in this language (its most common ones; any other stays as esbuild says it). */
  parseError(text: string): string;
  typeCheckNotice: Record<"too-slow" | "too-complex" | "busy", string>;
  compare: CompareMessages;
}

/** What the output comparison (./compare.ts) says about a wrong shape or type; `name` is the output's key. */
export interface CompareMessages {
  /** The name shown for a bare (unnamed) output. */
  output: string;
  /** How a returned value's type is named: null, an array, a string, undefined, a function, … */
  type(kind: "null" | "array" | "object" | "string" | "number" | "boolean" | "undefined" | "function" | "symbol" | "bigint"): string;
  ragged: string;
  notNumeric: string;
  shape(name: string, expected: string, got: string): string;
  expectedNumber(name: string, got: string): string;
  expectedArray(name: string, shape: string, got: string): string;
  expectedObject(name: string | null, keys: string, got: string): string;
  missingOutput(path: string): string;
  listOf(length: number): string;
  expectedList(name: string, length: number, got: string): string;
  expectedValue(name: string, expected: string, got: string): string;
}

const englishTypes = {
  null: "null",
  array: "an array",
  object: "an object",
  string: "a string",
  number: "a number",
  boolean: "a boolean",
  undefined: "undefined",
  function: "a function",
  symbol: "a symbol",
  bigint: "a bigint",
} as const;

const chineseTypes = {
  null: "null",
  array: "数组",
  object: "对象",
  string: "字符串",
  number: "数字",
  boolean: "布尔值",
  undefined: "undefined",
  function: "函数",
  symbol: "symbol",
  bigint: "bigint",
} as const;

/**
 * esbuild's commonest parse errors, said in Chinese (the rest stay in esbuild's English): what the editor shows as
 * the learner types and what a compile error in a grade report says.
 */
function esbuildParseErrorInChinese(text: string): string {
  const rules: [RegExp, (...groups: string[]) => string][] = [
    [/^Expected (.+?) but found end of file$/, (expected) => `代码在这里结束了，但还应有 ${expected}（括号或引号没有闭合？）`],
    [/^Expected (.+?) but found (.+)$/, (expected, found) => `这里应为 ${expected}，却是 ${found}`],
    [/^Unexpected end of file$/, () => "代码意外结束（括号或引号没有闭合？）"],
    [/^Unexpected (.+)$/, (found) => `这里不应出现 ${found}`],
    [/^Unterminated string literal$/, () => "字符串缺少结尾的引号"],
    [/^Unterminated template literal$/, () => "模板字符串缺少结尾的反引号"],
    [/^Unterminated regular expression$/, () => "正则表达式缺少结尾的 /"],
    [/^The symbol "(.+)" has already been declared$/, (name) => `"${name}" 已经声明过了`],
    [/^Cannot assign to "(.+)" because it is a constant$/, (name) => `"${name}" 是常量（const），不能再赋值`],
    [/^The constant "(.+)" must be initialized$/, (name) => `常量 "${name}" 声明时必须赋值`],
  ];
  for (const [pattern, say] of rules) {
    const match = pattern.exec(text);
    if (match) return say(...match.slice(1));
  }
  return text;
}

export const messages: Record<Lang, GraderMessages> = {
  en: {
    importRejected: (path) =>
      `imports are not allowed ("${path}"): write everything in this one file; Math and plain arrays are all an exercise needs`,
    missingFunction: (name, params) => `your file must declare the function ${name}(${params.join(", ")}) (as "export function ${name}" or a top-level "function ${name}")`,
    notAFunction: (name, found) => `"${name}" must be a function, but it is ${found}`,
    sourceTooLarge: (bytes, maxBytes) => `the file is ${kb(bytes)}; submissions are limited to ${kb(maxBytes)}`,
    caseTimeout: (ms) => `took longer than ${ms} ms (an endless loop, or far too much work)`,
    submissionTimeout: (ms) => `the submission ran out of its total time budget of ${ms} ms`,
    memory: (mb) => `used more than the ${mb} MB of memory a submission may use`,
    stringOrArrayTooLong: (detail) => `tried to build a value too large for memory (${detail})`,
    returnedPromise: "returned a Promise: the function must return its result directly (no async)",
    outputTooLarge: (chars) => `returned a value too large to compare (over ${chars.toLocaleString("en")} characters as JSON)`,
    outputTooDeep: "returned a value nested too deeply (or a value that contains itself)",
    notRun: "not run: an earlier error stopped the submission",
    crashed: "your code made the grading process run out of memory and stop; nothing else was affected",
    killedFromOutside: "the grading process stopped while running your submission (not caused by your code); please submit again",
    unknownExercise: (slug) => `there is no exercise "${slug}" (lacuna exercises lists them)`,
    referenceFailed: (detail) => `the exercise's reference failed, so this submission could not be graded: ${detail}`,
    poolClosed: "the grader is shutting down; please submit again",
    thrown: (name, message) => (message ? `${name}: ${message}` : name),
    nestedTooDeeply: "the code is nested too deeply to compile (Maximum call stack size exceeded while parsing)",
    hiddenCaseError: "failed with an error (the details of hidden cases are not shown; check the visible cases and edge cases)",
    watchdog: (ms) => `your code did not stop within its ${ms} ms budget (an endless loop, or memory exhaustion) and its sandbox was shut down`,
    notRunStopped: "not run: the submission was stopped before this case",
    notRunBudget: "not run: the submission's total time budget was used up before this case",
    workerOutOfMemory: (mb, detail) => `used more memory than the grader allows (${mb} MB per submission) and stopped its grading process (${detail}); nothing else was affected`,
    workerCrashed: (detail) => `your code crashed its grading process (${detail}); nothing else was affected`,
    killedRepeatedly: (times) =>
      `the grading process stopped ${times} times while grading this submission, so it is not graded again; if you did not expect this, change the code and submit again`,
    commonJsExport: (construct, name, params) =>
      `"${construct}" is not supported: declare the function as "export function ${name}(${params.join(", ")}) { … }" (or a top-level "function ${name}") and remove the "${construct}" line`,
    topLevelAwait: (name) =>
      `"await" outside a function is not supported: the grader calls ${name} directly, so compute everything inside the function (and do not make it async)`,
    parseError: (text) => (text === "Unexpected end of file" ? 'Unexpected end of file (a "}", ")" or quote not closed?)' : text),
    typeCheckNotice: {
      "too-slow": "Type check took too long and was skipped (the grade above is complete; types are only warnings).",
      "too-complex": "Type check skipped: the code is too deeply nested or too complex for the type checker (the grade above is complete).",
      busy: "Type check skipped: too many checks are waiting right now (the grade above is complete).",
    },
    compare: {
      output: "output",
      type: (kind) => englishTypes[kind],
      ragged: "a ragged array (rows of different lengths)",
      notNumeric: "not a numeric array",
      shape: (name, expected, got) => `${name}: expected shape ${expected}, got ${got}`,
      expectedNumber: (name, got) => `${name}: expected a number, got ${got}`,
      expectedArray: (name, shape, got) => `${name}: expected an array of shape ${shape}, got ${got}`,
      expectedObject: (name, keys, got) => `${name ? `${name}: ` : ""}expected an object with keys ${keys}, got ${got}`,
      missingOutput: (path) => `missing output "${path}"`,
      listOf: (length) => `a list of ${length}`,
      expectedList: (name, length, got) => `${name}: expected a list of ${length}, got ${got}`,
      expectedValue: (name, expected, got) => `${name}: expected ${expected}, got ${got}`,
    },
  },
  zh: {
    importRejected: (path) => `不允许 import/require("${path}")：请把所有代码写在这一个文件里；练习只需要 Math 和普通数组`,
    missingFunction: (name, params) => `文件中必须声明函数 ${name}(${params.join(", ")})（写成 "export function ${name}" 或顶层的 "function ${name}"）`,
    notAFunction: (name, found) => `"${name}" 必须是函数，但它是 ${found}`,
    sourceTooLarge: (bytes, maxBytes) => `文件大小为 ${kb(bytes)}；提交的文件不能超过 ${kb(maxBytes)}`,
    caseTimeout: (ms) => `运行超过 ${ms} 毫秒（死循环，或计算量过大）`,
    submissionTimeout: (ms) => `本次提交用完了 ${ms} 毫秒的总时间`,
    memory: (mb) => `使用的内存超过了每次提交允许的 ${mb} MB`,
    stringOrArrayTooLong: (detail) => `试图创建一个内存放不下的值(${detail})`,
    returnedPromise: "返回了 Promise：函数必须直接返回结果（不要用 async）",
    outputTooLarge: (chars) => `返回值太大，无法比较（JSON 超过 ${chars.toLocaleString("en")} 个字符）`,
    outputTooDeep: "返回值嵌套太深（或者包含它自身）",
    notRun: "未运行：前面的错误已中止了这次提交",
    crashed: "你的代码使评分进程内存耗尽而停止；其他提交不受影响",
    killedFromOutside: "评分进程在运行你的提交时停止了（不是你的代码造成的）；请重新提交",
    unknownExercise: (slug) => `没有名为 "${slug}" 的练习（用 lacuna exercises 查看列表）`,
    referenceFailed: (detail) => `练习的参考实现出错，这次提交无法评分：${detail}`,
    poolClosed: "评分服务正在关闭；请重新提交",
    thrown: (name, message) => (message ? `${name}: ${message}` : name),
    nestedTooDeeply: "代码嵌套太深，无法编译（解析时超出最大调用栈）",
    hiddenCaseError: "运行出错（隐藏用例不显示细节；请检查可见用例和边界情况）",
    watchdog: (ms) => `你的代码在 ${ms} 毫秒的时间预算内没有停止（死循环或内存耗尽），它的沙箱已被关闭`,
    notRunStopped: "未运行：提交在这个用例之前已被中止",
    notRunBudget: "未运行：在这个用例之前，提交的总时间预算已经用完",
    workerOutOfMemory: (mb, detail) => `使用的内存超过了评分允许的上限（每次提交 ${mb} MB），导致评分进程停止（${detail}）；其他提交不受影响`,
    workerCrashed: (detail) => `你的代码使评分进程崩溃（${detail}）；其他提交不受影响`,
    killedRepeatedly: (times) => `评分这次提交时评分进程已停止 ${times} 次，因此不再重新评分；如果这出乎你的意料，请修改代码后重新提交`,
    commonJsExport: (construct, name, params) =>
      `不支持 "${construct}"：请把函数声明为 "export function ${name}(${params.join(", ")}) { … }"（或顶层的 "function ${name}"），并删除 "${construct}" 这一行`,
    topLevelAwait: (name) => `不支持在函数外使用 "await"：评分程序会直接调用 ${name}，请把所有计算写在函数里（也不要把它写成 async）`,
    parseError: esbuildParseErrorInChinese,
    typeCheckNotice: {
      "too-slow": "类型检查耗时过长，已跳过（上面的评分是完整的；类型问题只是警告）。",
      "too-complex": "已跳过类型检查：代码嵌套太深或太复杂，类型检查器无法处理（上面的评分是完整的）。",
      busy: "已跳过类型检查：当前等待的检查太多（上面的评分是完整的）。",
    },
    compare: {
      output: "输出",
      type: (kind) => chineseTypes[kind],
      ragged: "不规则数组（各行长度不同）",
      notNumeric: "非数值数组",
      shape: (name, expected, got) => `${name}：期望形状 ${expected}，得到 ${got}`,
      expectedNumber: (name, got) => `${name}：期望一个数字，得到 ${got}`,
      expectedArray: (name, shape, got) => `${name}：期望形状为 ${shape} 的数组，得到 ${got}`,
      expectedObject: (name, keys, got) => `${name ? `${name}：` : ""}期望含有键 ${keys} 的对象，得到 ${got}`,
      missingOutput: (path) => `缺少输出 "${path}"`,
      listOf: (length) => `长度为 ${length} 的列表`,
      expectedList: (name, length, got) => `${name}：期望长度为 ${length} 的列表，得到 ${got}`,
      expectedValue: (name, expected, got) => `${name}：期望 ${expected}，得到 ${got}`,
    },
  },
};
