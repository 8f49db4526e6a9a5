/**
 * Shared checks for an exercise folder's content: the model solution matches the TensorFlow.js reference on
 * every case of many seeds, every misconception fails a visible case and is told apart from the others on
 * the visible cases, the cross-check holds, and cases are deterministic per seed. Each
 * tests/exercises/<slug>.test.ts calls `describeExerciseContent` with its solution imported directly.
 *
 * Comparison follows numpy's allclose (|actual − expected| ≤ atol + rtol·|expected|), per output key, with
 * the exercise's own tolerances: the same rule the grader applies, so a pass here means the grader passes it.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { findExercise, type ExerciseEntry } from "../../exercises/catalog";
import { generateCases, loadOracle } from "../../exercises/oracle";
import type { Json, ParsedExerciseCase, Tolerance } from "../../exercises/schema";

type AnyFunction = (...args: never[]) => unknown;

export interface Mismatch {
  path: string;
  reason: string;
}

/** First place where `actual` and `expected` disagree beyond the tolerance, or undefined if they agree. */
export function findMismatch(
  actual: unknown,
  expected: unknown,
  tolerance: Tolerance,
  at = "",
  nanEqual = false,
): Mismatch | undefined {
  if (typeof expected === "number") {
    if (typeof actual !== "number") return { path: at, reason: `expected a number, got ${JSON.stringify(actual)}` };
    if (Number.isNaN(actual) || Number.isNaN(expected)) {
      return nanEqual && Number.isNaN(actual) && Number.isNaN(expected)
        ? undefined
        : { path: at, reason: `NaN (actual ${actual}, expected ${expected})` };
    }
    if (actual === expected) return undefined; // also covers equal infinities
    const bound = tolerance.atol + tolerance.rtol * Math.abs(expected);
    return Math.abs(actual - expected) <= bound ? undefined : { path: at, reason: `${actual} vs ${expected}` };
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return { path: at, reason: `expected an array of length ${expected.length}, got ${JSON.stringify(actual)}` };
    }
    for (let i = 0; i < expected.length; i++) {
      const m = findMismatch(actual[i], expected[i], tolerance, `${at}[${i}]`, nanEqual);
      if (m) return m;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) {
      return { path: at, reason: `expected an object, got ${JSON.stringify(actual)}` };
    }
    const actualRecord = actual as Record<string, unknown>;
    for (const key of Object.keys(expected)) {
      const m = findMismatch(actualRecord[key], (expected as Record<string, unknown>)[key], tolerance, `${at}.${key}`, nanEqual);
      if (m) return m;
    }
    return undefined;
  }
  return Object.is(actual, expected) ? undefined : { path: at, reason: `${String(actual)} vs ${String(expected)}` };
}

/** Compares an object output key by key with the exercise's per-output tolerances. */
export function outputMismatch(entry: ExerciseEntry, actual: unknown, expected: Json, nanEqual = false): Mismatch | undefined {
  const { default: fallback, outputs } = entry.meta.tolerance;
  if (expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) {
      return { path: "", reason: `expected an object, got ${JSON.stringify(actual)}` };
    }
    for (const key of Object.keys(expected)) {
      const m = findMismatch(
        (actual as Record<string, unknown>)[key],
        expected[key],
        outputs[key] ?? fallback,
        `.${key}`,
        nanEqual,
      );
      if (m) return m;
    }
    return undefined;
  }
  return findMismatch(actual, expected, fallback, "", nanEqual);
}

/** Runs an implementation as the grader would: JSON in, JSON out (a throw counts as its own output). */
export function runImplementation(fn: AnyFunction, args: Json[]): unknown {
  try {
    return JSON.parse(JSON.stringify((fn as (...a: Json[]) => unknown)(...structuredClone(args)))) as unknown;
  } catch (error) {
    return { thrown: (error as Error).message };
  }
}

async function loadMisconceptions(entry: ExerciseEntry): Promise<Map<string, AnyFunction>> {
  const dir = path.join(entry.dir, "misconceptions");
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
  const result = new Map<string, AnyFunction>();
  for (const m of entry.meta.misconceptions) {
    const file = `${m.id}.ts`;
    if (!files.includes(file)) throw new Error(`misconceptions/${file} is missing`);
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
    const fn = mod[entry.meta.functionName];
    if (typeof fn !== "function") throw new Error(`misconceptions/${file} does not export ${entry.meta.functionName}`);
    result.set(m.id, fn as AnyFunction);
  }
  return result;
}

export interface ContentCheckOptions {
  slug: string;
  solution: AnyFunction;
  seeds?: number[];
  /** Seeds for the cross-check (it builds tf.layers models, so fewer). */
  crossCheckSeeds?: number[];
  expectCrossCheck?: boolean;
}

export function describeExerciseContent(options: ContentCheckOptions): void {
  const seeds = options.seeds ?? Array.from({ length: 20 }, (_, i) => i + 1);
  const crossCheckSeeds = options.crossCheckSeeds ?? [1, 2, 3, 4, 5];

  describe(`exercise ${options.slug}`, () => {
    const load = async () => {
      const entry = findExercise(options.slug);
      if (!entry) throw new Error(`exercise ${options.slug} is not in the catalog`);
      const oracle = await loadOracle(entry);
      return { entry, oracle };
    };

    it("is in the catalog with a valid folder and names its function", async () => {
      const { entry } = await load();
      expect(entry.meta.slug).toBe(options.slug);
      expect(entry.starter).toContain(`export function ${entry.meta.functionName}(`);
      expect(options.solution.name).toBe(entry.meta.functionName);
    });

    it("generates 6–10 cases per seed, about half visible, deterministically, with shapes that vary", async () => {
      const { oracle } = await load();
      for (const seed of seeds) {
        const cases = generateCases(oracle, seed);
        expect(cases.length).toBeGreaterThanOrEqual(6);
        expect(cases.length).toBeLessThanOrEqual(10);
        const visible = cases.filter((c) => c.visible).length;
        expect(visible).toBeGreaterThanOrEqual(Math.floor(cases.length / 3));
        expect(visible).toBeLessThan(cases.length);
        expect(generateCases(oracle, seed)).toEqual(cases);
        const shapes = new Set(cases.map((c) => JSON.stringify(c.args.map(shapeOf))));
        expect(shapes.size).toBeGreaterThan(1);
      }
      expect(generateCases(oracle, 1)).not.toEqual(generateCases(oracle, 2));
    });

    it("the model solution matches the TensorFlow.js reference on every case of every seed", async () => {
      const { entry, oracle } = await load();
      for (const seed of seeds) {
        for (const c of generateCases(oracle, seed)) {
          const expected = oracle.reference(...c.args);
          const actual = runImplementation(options.solution, c.args);
          const mismatch = outputMismatch(entry, actual, expected);
          expect(mismatch, `seed ${seed}, case "${c.name}": ${mismatch?.path} ${mismatch?.reason}`).toBeUndefined();
        }
      }
    });

    it("every misconception fails a visible case on every seed and is told apart from the others there", async () => {
      const { entry, oracle } = await load();
      const misconceptions = await loadMisconceptions(entry);
      for (const seed of seeds) {
        const visible = generateCases(oracle, seed).filter((c) => c.visible);
        const expected = visible.map((c) => oracle.reference(...c.args));
        const outputs = new Map<string, unknown[]>();
        for (const [id, fn] of misconceptions) {
          const out = visible.map((c) => runImplementation(fn, c.args));
          outputs.set(id, out);
          const failsSomewhere = out.some((o, i) => outputMismatch(entry, o, expected[i]!) !== undefined);
          expect(failsSomewhere, `seed ${seed}: misconception ${id} passes every visible case`).toBe(true);
        }
        const ids = [...outputs.keys()];
        for (let a = 0; a < ids.length; a++) {
          for (let b = a + 1; b < ids.length; b++) {
            const outA = outputs.get(ids[a]!)!;
            const outB = outputs.get(ids[b]!)!;
            const differ = visible.some((_, i) => differs(entry, outA[i], outB[i]));
            expect(differ, `seed ${seed}: misconceptions ${ids[a]} and ${ids[b]} agree on every visible case`).toBe(true);
          }
        }
      }
    });

    it("every misconception file is self-contained like a learner's submission (no imports)", async () => {
      const { entry } = await load();
      const { readFileSync } = await import("node:fs");
      const files = ["starter.ts", "solution.ts", ...entry.meta.misconceptions.map((m) => `misconceptions/${m.id}.ts`)];
      for (const file of files) {
        const text = readFileSync(path.join(entry.dir, file), "utf8");
        expect(/^\s*import\s/m.test(text), `${file} must not import anything`).toBe(false);
        expect(text, file).toContain(`export function ${entry.meta.functionName}(`);
      }
    });

    if (options.expectCrossCheck) {
      it("the cross-check against tf.layers holds within its tolerance", async () => {
        const { oracle } = await load();
        expect(oracle.crossCheck).toBeDefined();
        for (const seed of crossCheckSeeds) {
          const results = oracle.crossCheck!(seed);
          expect(results.length).toBeGreaterThan(0);
          for (const r of results) {
            expect(Number.isFinite(r.maxAbsError), `seed ${seed} ${r.name}`).toBe(true);
            expect(r.maxAbsError, `seed ${seed} ${r.name}`).toBeLessThanOrEqual(r.tolerance);
          }
        }
      });
    }
  });
}

/** Two wrong outputs are told apart if they disagree beyond the tolerance (identical NaNs do not count). */
function differs(entry: ExerciseEntry, a: unknown, b: unknown): boolean {
  return outputMismatch(entry, a, b as Json, true) !== undefined || outputMismatch(entry, b, a as Json, true) !== undefined;
}

function shapeOf(value: Json): number[] | string {
  if (!Array.isArray(value)) return typeof value;
  const inner = value.length > 0 ? shapeOf(value[0]!) : [];
  return [value.length, ...(Array.isArray(inner) ? inner : [])];
}

export type { ParsedExerciseCase };
