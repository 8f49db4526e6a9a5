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
  return text.includes("e") ? text.replace(/\.?0+e/, "e") : text.replace(/\.?0+$/, "");
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
