/**
 * Misconception diagnosis from numbers: a misconception is named when, on every failing case, the learner's
 * output matches that misconception's output (allclose with the exercise's tolerances) and the
 * misconception really is wrong on at least one of those cases.
 */
import type { Lang, MisconceptionMeta } from "../exercises/schema";
import { compareOutputs, type ComparisonSettings } from "./compare";
import type { Diagnosis } from "./report";

export interface FailingCase {
  caseIndex: number;
  expected: unknown;
  got: unknown;
}

export interface DiagnoseInput {
  misconceptions: readonly MisconceptionMeta[];
  failing: readonly FailingCase[];
  /** The misconception's output per case index of the seed (null where it threw). */
  outputsOf: (id: string) => readonly (unknown | null)[];
  settings: ComparisonSettings;
  lang: Lang;
}

export function diagnose(input: DiagnoseInput): Diagnosis[] {
  if (input.failing.length === 0) return [];
  const found: Diagnosis[] = [];
  for (const m of input.misconceptions) {
    const outputs = input.outputsOf(m.id);
    let matchesAll = true;
    let wrongSomewhere = false;
    for (const f of input.failing) {
      const predicted = outputs[f.caseIndex];
      if (predicted === null || predicted === undefined || !compareOutputs(predicted, f.got, input.settings).passed) {
        matchesAll = false;
        break;
      }
      if (!compareOutputs(f.expected, predicted, input.settings).passed) wrongSomewhere = true;
    }
    if (matchesAll && wrongSomewhere) {
      found.push({ misconceptionId: m.id, title: m.title[input.lang], explanation: m.explanation[input.lang], matchedCases: input.failing.length });
    }
  }
  return found;
}
