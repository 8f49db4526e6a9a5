/**
 * Misconception diagnosis from numbers. A misconception is named when its outputs predict the learner's:
 *
 *   - on every failing case the learner's output matches the misconception's (allclose with the exercise's
 *     tolerances), and the misconception really is wrong on at least one of them;
 *   - on every case the learner passed, the misconception's output matches the learner's too (a
 *     misconception that is wrong where the learner is right is not the learner's);
 *   - the agreement rests on finite numbers. NaN and ±Infinity say only that something overflowed or
 *     divided by zero, and many different mistakes do that on the same extreme input: when every wrong value
 *     of the learner is non-finite, the misconception must also agree on at least one case with finite
 *     values (a passing case) before it is named.
 */
import type { Lang, MisconceptionMeta } from "../exercises/schema";
import { outputsMatch, type ComparisonSettings } from "./compare";
import type { Diagnosis } from "./report";

export interface FailingCase {
  caseIndex: number;
  expected: unknown;
  got: unknown;
}

/** A case the learner passed: its index and the learner's output there. */
export interface PassingCase {
  caseIndex: number;
  got: unknown;
}

export interface DiagnoseInput {
  misconceptions: readonly MisconceptionMeta[];
  failing: readonly FailingCase[];
  /** The cases the learner passed (omit to judge on the failing cases alone). */
  passing?: readonly PassingCase[];
  /** The misconception's output per case index of the seed (null where it threw). */
  outputsOf: (id: string) => readonly (unknown | null)[];
  settings: ComparisonSettings;
  lang: Lang;
}

/**
 * `expected` and `got` with every element that is non-finite in `got` set to 0 in both, where the two have the
 * same structure there; anything else is left as it is (a shape difference stays a difference).
 */
function maskNonFinite(expected: unknown, got: unknown): [unknown, unknown] {
  if (typeof got === "number" && !Number.isFinite(got) && typeof expected === "number") return [0, 0];
  if (Array.isArray(got) && Array.isArray(expected) && got.length === expected.length) {
    const pairs = got.map((g, i) => maskNonFinite(expected[i], g));
    return [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
  }
  if (got !== null && expected !== null && typeof got === "object" && typeof expected === "object" && !Array.isArray(got) && !Array.isArray(expected)) {
    const e: Record<string, unknown> = { ...(expected as Record<string, unknown>) };
    const g: Record<string, unknown> = { ...(got as Record<string, unknown>) };
    for (const key of Object.keys(e)) {
      if (key in g) [e[key], g[key]] = maskNonFinite(e[key], g[key]);
    }
    return [e, g];
  }
  return [expected, got];
}

/** True when `got` is wrong somewhere other than in its non-finite values (a finite wrong value, a wrong shape). */
export function wrongBeyondNonFinite(expected: unknown, got: unknown, settings: ComparisonSettings): boolean {
  const [e, g] = maskNonFinite(expected, got);
  return !outputsMatch(e, g, settings);
}

function hasFiniteNumber(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.some(hasFiniteNumber);
  if (value !== null && typeof value === "object") return Object.values(value).some(hasFiniteNumber);
  return false;
}

export function diagnose(input: DiagnoseInput): Diagnosis[] {
  if (input.failing.length === 0) return [];
  const passing = input.passing ?? [];
  const finiteFailure = input.failing.some((f) => wrongBeyondNonFinite(f.expected, f.got, input.settings));
  const finitePassing = passing.some((p) => hasFiniteNumber(p.got));
  if (!finiteFailure && !finitePassing) return [];
  const found: Diagnosis[] = [];
  for (const m of input.misconceptions) {
    const outputs = input.outputsOf(m.id);
    const predicts = (caseIndex: number, got: unknown): boolean => {
      const predicted = outputs[caseIndex];
      return predicted !== null && predicted !== undefined && outputsMatch(predicted, got, input.settings);
    };
    if (!input.failing.every((f) => predicts(f.caseIndex, f.got))) continue;
    if (!input.failing.some((f) => !outputsMatch(f.expected, outputs[f.caseIndex], input.settings))) continue;
    if (!passing.every((p) => predicts(p.caseIndex, p.got))) continue;
    found.push({ misconceptionId: m.id, title: m.title[input.lang], explanation: m.explanation[input.lang], matchedCases: input.failing.length });
  }
  return found;
}
