/**
 * Short, readable renderings of values for reports: long arrays are elided, numbers keep 6 significant digits,
 * and -0 reads 0 (the comparison treats them as equal, and "-0" among the inputs only puzzles a learner).
 */
import { Unrepresentable } from "./special-json";

const maxItems = 6;

export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "Infinity";
  if (n === -Infinity) return "-Infinity";
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const text = n.toPrecision(6);
  const exponent = text.indexOf("e");
  return exponent === -1 ? withoutTrailingZeros(text) : withoutTrailingZeros(text.slice(0, exponent)) + text.slice(exponent);
}

/**
 * "1.50000" → "1.5", "2.00000" → "2"; digits with no decimal point stay as they are ("100000" is 100000.4 to six
 * digits, which /\.?0+$/, applied with no decimal point to guard it, once cut to "1"). A loop, not a regular
 * expression: every number a report shows passes here.
 */
function withoutTrailingZeros(digits: string): string {
  if (digits.indexOf(".") === -1) return digits;
  let end = digits.length;
  while (digits.charCodeAt(end - 1) === 48 /* 0 */) end--;
  if (digits.charCodeAt(end - 1) === 46 /* . */) end--;
  return digits.slice(0, end);
}

function render(value: unknown, depth: number): string {
  if (typeof value === "number") return formatNumber(value);
  if (value instanceof Unrepresentable) return value.kind;
  if (value === undefined) return "undefined";
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (value === null || typeof value !== "object") return String(value);
  if (depth > 6) return "…";
  if (Array.isArray(value)) {
    const shown = value.length > maxItems ? [...value.slice(0, maxItems - 2), "…", value[value.length - 1]] : value;
    return `[${shown.map((v, i) => (v === "…" && value.length > maxItems && i === maxItems - 2 ? "…" : render(v, depth + 1))).join(", ")}]`;
  }
  const entries = Object.entries(value);
  return `{ ${entries.map(([k, v]) => `${k}: ${render(v, depth + 1)}`).join(", ")} }`;
}

/** A one-line rendering capped at `maxChars` characters. */
export function formatValue(value: unknown, maxChars = 400): string {
  const text = render(value, 0);
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

/** Function arguments as `name = value` pairs. */
export function formatArgs(params: readonly string[], args: readonly unknown[], maxChars = 600): string {
  const text = args.map((a, i) => `${params[i] ?? `arg${i}`} = ${formatValue(a, 200)}`).join(", ");
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}
