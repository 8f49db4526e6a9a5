/**
 * The text a report may carry. Every string a learner's code can influence (error messages and stacks, the
 * console, compile and type messages) ends up in a report that is stored, sent to a browser and printed, so
 * each is capped here, in one place, and no path of the grading machine survives. Imports nothing heavy:
 * the pool (which must not load isolated-vm) applies it too.
 */
import os from "node:os";
import path from "node:path";
import type { GradeReport } from "./report";

/** The longest string any report field carries (console text has its own limit, `consoleChars`). */
export const reportStringChars = 4000;
const ellipsis = "…";

/** `text` cut to at most `maxChars` UTF-16 code units (an ellipsis included), never inside a surrogate pair. */
export function capText(text: string, maxChars: number = reportStringChars): string {
  if (text.length <= maxChars) return text;
  let end = Math.max(0, maxChars - ellipsis.length);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + ellipsis;
}

const hostPrefixes = [path.resolve(process.cwd()), os.tmpdir(), os.homedir()].filter((p) => p.length > 1);

/** Error text shown to learners never contains paths of the machine that graded it. */
export function scrubHostPaths(text: string): string {
  let out = text;
  for (const prefix of hostPrefixes) out = out.split(prefix).join("<grader>");
  return out.replace(/(?:file:\/\/)?\/[^\s'"()]*node_modules[^\s'"()]*/g, "<grader>");
}

/** Whether `value` is a string or may hold one (numbers, booleans and null are stepped over without a call). */
function mayHoldText(value: unknown): boolean {
  return typeof value === "string" || (value !== null && typeof value === "object");
}

/** `value` with every string capped; the parts that needed no cap are the same objects (no copy of a report). */
function capStrings<T>(value: T): T {
  if (typeof value === "string") return capText(value) as T;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (!mayHoldText(item)) continue;
      const capped: unknown = capStrings(item);
      if (capped !== item) (copy ??= [...value])[i] = capped;
    }
    return (copy ?? value) as T;
  }
  if (value !== null && typeof value === "object") {
    let copy: Record<string, unknown> | null = null;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const field = record[key];
      if (!mayHoldText(field)) continue;
      const capped: unknown = capStrings(field);
      if (capped !== field) (copy ??= { ...record })[key] = capped;
    }
    return (copy ?? value) as T;
  }
  return value;
}

/**
 * The report with every string capped at `reportStringChars` and the console at `consoleChars` (marked
 * truncated when cut). Applied where a report leaves a worker and where the pool hands one out.
 */
export function boundReport(report: GradeReport, consoleChars: number): GradeReport {
  const { console: output, ...rest } = report;
  const text = capText(output.text, consoleChars);
  return { ...capStrings(rest), console: { text, truncated: output.truncated || text !== output.text } };
}
