/**
 * Loads an exercise's TensorFlow.js oracle: its reference, its case generator and its optional cross-check.
 * Only the grader (and authoring tools) import this; the web app reads `./catalog` instead.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ExerciseEntry } from "./catalog";
import { exerciseCaseSchema, type CaseGenerator, type CrossCheck, type ExerciseReference, type ParsedExerciseCase } from "./schema";

export interface ExerciseOracle {
  reference: ExerciseReference;
  cases: CaseGenerator;
  crossCheck?: CrossCheck;
}

async function importDefault<T>(file: string): Promise<T> {
  const mod = (await import(pathToFileURL(file).href)) as { default?: T };
  if (mod.default === undefined) throw new Error(`${file} has no default export`);
  return mod.default;
}

const oracles = new Map<string, Promise<ExerciseOracle>>();

export function loadOracle(entry: ExerciseEntry): Promise<ExerciseOracle> {
  let oracle = oracles.get(entry.dir);
  if (!oracle) {
    oracle = (async () => {
      const crossCheckFile = path.join(entry.dir, "crosscheck.ts");
      return {
        reference: await importDefault<ExerciseReference>(path.join(entry.dir, "reference.ts")),
        cases: await importDefault<CaseGenerator>(path.join(entry.dir, "cases.ts")),
        crossCheck: existsSync(crossCheckFile) ? await importDefault<CrossCheck>(crossCheckFile) : undefined,
      };
    })();
    oracles.set(entry.dir, oracle);
  }
  return oracle;
}

/** The cases for a seed, validated (a malformed generator fails loudly, naming the case). */
export function generateCases(oracle: ExerciseOracle, seed: number): ParsedExerciseCase[] {
  return oracle.cases(seed).map((c, i) => {
    const parsed = exerciseCaseSchema.safeParse(c);
    if (!parsed.success) throw new Error(`case ${i} (${JSON.stringify(c.name)}) is malformed: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  });
}
