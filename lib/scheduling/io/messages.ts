/**
 * What the review-log CSV import says about a file, in both languages. An issue carries a `code` and its
 * `params` (numbers and short strings: columns, lines, card ids, times); its `message` is the English text
 * (the API's and the CLI's), and the web page renders the learner's language with csvIssueText.
 */
import { ratingNames } from "../core/schema";

type Lang = "en" | "zh";
export type CsvIssueParams = Record<string, string | number>;

/** The zod messages of reviewCsvRowSchema's cells: each is a code of this table. */
export const cellCodes = ["notInteger", "cardIdEmpty", "timeBefore2000", "timeAfter2100", "ratingRange", "stateRange", "durationNegative", "durationTooLong"] as const;

type Texts = Record<string, (p: CsvIssueParams) => string>;

const englishRating = (rating: string | number) => {
  const name = ratingNames[Number(rating) - 1] ?? "";
  return `${rating} (${name.charAt(0).toUpperCase()}${name.slice(1)})`;
};
const chineseRatingNames = ["重来", "困难", "良好", "简单"];
const chineseRating = (rating: string | number) => `${rating}（${chineseRatingNames[Number(rating) - 1] ?? ""}）`;

const texts: Record<Lang, Texts> = {
  en: {
    unclosedQuote: () => "a quoted cell is never closed",
    emptyFile: (p) => `the file is empty; expected a header line ${p.columns}`,
    missingColumn: (p) => `missing column "${p.column}" (header must contain ${p.required})`,
    unknownColumn: (p) => `unknown column "${p.column}" (known: ${p.known})`,
    duplicateColumn: (p) => `column "${p.column}" appears twice`,
    cellCount: (p) => `expected ${p.expected} cells, found ${p.found}`,
    notInteger: (p) => `${p.column}: ${p.column}${p.column === "review_time" ? " (milliseconds since 1970)" : p.column === "review_duration" ? " (milliseconds)" : ""} must be an integer`,
    cardIdEmpty: () => "card_id: card_id is empty",
    timeBefore2000: () => "review_time: review_time must be milliseconds since 1970 after 2000-01-01 (seconds given?)",
    timeAfter2100: () => "review_time: review_time is after 2100",
    ratingRange: () => "review_rating: review_rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)",
    stateRange: () => "review_state: review_state must be 0 (New), 1 (Learning), 2 (Review) or 3 (Relearning)",
    durationNegative: () => "review_duration: review_duration must not be negative",
    durationTooLong: (p) => `review_duration: review_duration must be at most ${p.max} (one day in milliseconds)`,
    repeat: (p) => `repeats line ${p.earlier} (the same review of ${p.cardId} at ${p.when}): imported once`,
    conflictRating: (p) => `${p.cardId} has two different reviews at ${p.when}: line ${p.earlier} rates it ${englishRating(p.earlierRating!)}, this line ${englishRating(p.rating!)}; keep the right one`,
    conflictField: (p) => `${p.cardId} has two different reviews at ${p.when}: lines ${p.earlier} and ${p.line} differ in ${p.column}; keep the right one`,
    noReviews: () => "the file has a header but no reviews",
    fileTooLarge: (p) => `the file is larger than ${p.megabytes} MB`,
    tooManyRows: (p) => `the file has ${p.rows} reviews; at most ${p.max} can be imported at once: split it into smaller files`,
    notLacunaItem: (p) => `card_id "${p.cardId}" is not a Lacuna item (expected flashcard:<card id>, exercise:<slug> or misconception:<slug>/<misconception id>, as exported)`,
    alreadyReviewed: (p) => `${p.item} already has a review at ${p.when} rated ${p.stored}; this row rates it ${p.rating} and was not imported`,
    futureTime: (p) => `review_time ${p.when} is in the future: a review must have happened by now (${p.now})`,
  },
  zh: {
    unclosedQuote: () => "有一个带引号的单元格没有闭合",
    emptyFile: (p) => `文件是空的；第一行应为表头 ${p.columns}`,
    missingColumn: (p) => `缺少列 "${p.column}"（表头必须包含 ${p.required}）`,
    unknownColumn: (p) => `未知的列 "${p.column}"（可用的列：${p.known}）`,
    duplicateColumn: (p) => `列 "${p.column}" 出现了两次`,
    cellCount: (p) => `应有 ${p.expected} 个单元格，实际有 ${p.found} 个`,
    notInteger: (p) => `${p.column} 必须是整数${p.column === "review_time" ? "（1970 年以来的毫秒数）" : p.column === "review_duration" ? "（毫秒）" : ""}`,
    cardIdEmpty: () => "card_id 是空的",
    timeBefore2000: () => "review_time 必须是 1970 年以来的毫秒数，且晚于 2000-01-01（是否填成了秒？）",
    timeAfter2100: () => "review_time 晚于 2100 年",
    ratingRange: () => "review_rating 必须是 1（重来）、2（困难）、3（良好）或 4（简单）",
    stateRange: () => "review_state 必须是 0（新卡片）、1（学习中）、2（复习）或 3（重新学习）",
    durationNegative: () => "review_duration 不能为负数",
    durationTooLong: (p) => `review_duration 最多为 ${p.max}（一天的毫秒数）`,
    repeat: (p) => `与第 ${p.earlier} 行重复（${p.cardId} 在 ${p.when} 的同一次复习）：只导入一次`,
    conflictRating: (p) => `${p.cardId} 在 ${p.when} 有两条不同的复习：第 ${p.earlier} 行评为 ${chineseRating(p.earlierRating!)}，这一行评为 ${chineseRating(p.rating!)}；请保留正确的一条`,
    conflictField: (p) => `${p.cardId} 在 ${p.when} 有两条不同的复习：第 ${p.earlier} 行和第 ${p.line} 行的 ${p.column} 不同；请保留正确的一条`,
    noReviews: () => "文件有表头，但没有复习记录",
    fileTooLarge: (p) => `文件超过了 ${p.megabytes} MB`,
    tooManyRows: (p) => `文件中有 ${p.rows} 条复习记录；一次最多导入 ${p.max} 条：请把它拆成几个较小的文件`,
    notLacunaItem: (p) => `card_id "${p.cardId}" 不是 Lacuna 的条目（应为导出时的 flashcard:<卡片 id>、exercise:<slug> 或 misconception:<slug>/<误解 id>）`,
    alreadyReviewed: (p) => `${p.item} 在 ${p.when} 已有一条评分为 ${p.stored} 的复习；这一行评为 ${p.rating}，未导入`,
    futureTime: (p) => `review_time ${p.when} 在未来：复习必须已经发生（现在是 ${p.now}）`,
  },
};

/** Every code this table knows (tests check each has a zh text unlike its en one). */
export const csvIssueCodes = Object.keys(texts.en);

/** The issue's text in `lang`: from its code and params, or its own message for an issue without a known code. */
export function csvIssueText(issue: { code?: string; params?: CsvIssueParams; message: string }, lang: Lang): string {
  const text = issue.code ? texts[lang][issue.code] : undefined;
  return text ? text(issue.params ?? {}) : issue.message;
}

/** An issue of `code` at `line` (and `column`), its message in English. */
export function csvIssue(line: number, code: string, params: CsvIssueParams = {}, column?: string): { line: number; column?: string; code: string; params: CsvIssueParams; message: string } {
  const issue = { line, code, params, message: "" };
  issue.message = csvIssueText(issue, "en");
  return column === undefined ? issue : { ...issue, column };
}

/** "line 4" / "第 4 行". */
export function csvLineLabel(line: number, lang: Lang): string {
  return lang === "zh" ? `第 ${line} 行` : `line ${line}`;
}
