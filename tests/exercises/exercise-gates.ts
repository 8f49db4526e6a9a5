/**
 * The quality gates every exercise folder must pass, as vitest suites. An exercise's test file calls
 * `describeExerciseGates(slug, solution)` with its model solution imported directly.
 *
 * Gates: the folder loads and validates; statements, hints and notes section are present; cases are
 * deterministic per seed, 6–10 of them, about half visible, varying in shape; the model solution matches the
 * TensorFlow.js reference on every case for seeds 1..20; each misconception fails at least one visible case
 * and can be told apart from every other misconception on the visible cases; the starter does not pass; and
 * the learner-facing files are self-contained (no imports) and type-check under the repository's strict flags.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { exerciseDirs, loadExerciseEntry, type ExerciseEntry } from "../../exercises/catalog";
import { generateCases, loadOracle, type ExerciseOracle } from "../../exercises/oracle";
import type { ExerciseMeta, Json, ParsedExerciseCase, Tolerance } from "../../exercises/schema";
import { diagnose } from "../../grader/diagnose";
import { notesAvailable, readNotes } from "../helpers/notes";

/** Seeds 1..20; `LACUNA_GATE_SEEDS=500` sweeps deeper when tuning tolerances or case generators. */
const seedCount = Number(process.env.LACUNA_GATE_SEEDS ?? 20);
export const gateSeeds: readonly number[] = Array.from({ length: seedCount }, (_, i) => i + 1);


type LearnerFunction = (...args: Json[]) => unknown;

export function exerciseDirBySlug(slug: string): string {
  const dir = exerciseDirs().find((d) => path.basename(d) === slug);
  if (!dir) throw new Error(`no exercise folder named ${slug} under exercises/<topic>/`);
  return dir;
}

/** NaN equals NaN and an infinity equals the same infinity, as the grader reports them. */
function numbersMatch(actual: number, expected: number, tol: Tolerance): boolean {
  if (Number.isNaN(expected) || Number.isNaN(actual)) return Number.isNaN(expected) && Number.isNaN(actual);
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return actual === expected;
  return Math.abs(actual - expected) <= tol.atol + tol.rtol * Math.abs(expected);
}

function toleranceFor(meta: ExerciseMeta, key: string | undefined): Tolerance {
  return (key !== undefined ? meta.tolerance.outputs[key] : undefined) ?? meta.tolerance.default;
}

/**
 * `null` when `actual` matches `expected` within the exercise's tolerance, else where and how it differs.
 * Object outputs use the per-key tolerance of their top-level key.
 */
export function outputMismatch(actual: unknown, expected: unknown, meta: ExerciseMeta, where = "output", key?: string): string | null {
  if (typeof expected === "number") {
    if (typeof actual !== "number") return `${where}: expected a number, got ${JSON.stringify(actual)}`;
    return numbersMatch(actual, expected, toleranceFor(meta, key)) ? null : `${where}: expected ${expected}, got ${actual}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${where}: expected an array`;
    if (actual.length !== expected.length) return `${where}: expected length ${expected.length}, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const problem = outputMismatch(actual[i], expected[i], meta, `${where}[${i}]`, key);
      if (problem) return problem;
    }
    return null;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return `${where}: expected an object`;
    const actualRecord = actual as Record<string, unknown>;
    for (const [k, v] of Object.entries(expected)) {
      if (!(k in actualRecord)) return `${where}: missing key ${k}`;
      const problem = outputMismatch(actualRecord[k], v, meta, `${where}.${k}`, key ?? k);
      if (problem) return problem;
    }
    return null;
  }
  return Object.is(actual, expected) ? null : `${where}: expected ${String(expected)}, got ${String(actual)}`;
}

/** Calls a learner-style function on a private copy of the arguments, so no call can leak into another. */
function call(fn: LearnerFunction, args: Json[]): { output?: unknown; error?: string } {
  try {
    return { output: fn(...(structuredClone(args) as Json[])) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** A coarse shape signature of a case's arguments: array lengths and object keys, nested. */
function shapeSignature(args: Json[]): string {
  const shape = (value: Json): string =>
    Array.isArray(value)
      ? `[${value.length}:${value.map(shape).join(",")}]`
      : value !== null && typeof value === "object"
        ? `{${Object.entries(value).map(([key, item]) => `${key}=${shape(item)}`).join(",")}}`
        : "s";
  return args.map(shape).join("|");
}

async function importFunction(file: string, name: string): Promise<LearnerFunction> {
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const fn = mod[name];
  if (typeof fn !== "function") throw new Error(`${file} does not export a function named ${name}`);
  return fn as LearnerFunction;
}

interface Loaded {
  entry: ExerciseEntry;
  oracle: ExerciseOracle;
  misconceptions: Map<string, LearnerFunction>;
  starter: LearnerFunction;
}

async function load(slug: string): Promise<Loaded> {
  const entry = loadExerciseEntry(exerciseDirBySlug(slug));
  const oracle = await loadOracle(entry);
  const name = entry.meta.functionName;
  const misconceptions = new Map<string, LearnerFunction>();
  for (const m of entry.meta.misconceptions) {
    misconceptions.set(m.id, await importFunction(path.join(entry.dir, "misconceptions", `${m.id}.ts`), name));
  }
  const starter = await importFunction(path.join(entry.dir, "starter.ts"), name);
  return { entry, oracle, misconceptions, starter };
}

interface SeedRun {
  cases: ParsedExerciseCase[];
  expected: Json[];
}

function runSeed(loaded: Loaded, seed: number): SeedRun {
  const cases = generateCases(loaded.oracle, seed);
  const expected = cases.map((c) => loaded.oracle.reference(...(structuredClone(c.args) as Json[])));
  return { cases, expected };
}

const strictOptions: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2023.d.ts"],
  types: [],
  skipLibCheck: true,
};

/**
 * One compiler host for every check in this worker, caching the parsed standard-library files: parsing
 * lib.es2023 afresh for each learner file cost about a second, and on a loaded machine the step overran.
 */
const host = ((): ts.CompilerHost => {
  const base = ts.createCompilerHost(strictOptions);
  const libFiles = new Map<string, ts.SourceFile | undefined>();
  return {
    ...base,
    getSourceFile: (fileName, languageVersion, onError, shouldCreate) => {
      if (!fileName.includes(`${path.sep}typescript${path.sep}lib${path.sep}`)) return base.getSourceFile(fileName, languageVersion, onError, shouldCreate);
      if (!libFiles.has(fileName)) libFiles.set(fileName, base.getSourceFile(fileName, languageVersion, onError, shouldCreate));
      return libFiles.get(fileName);
    },
  };
})();

/** Type-checks learner-facing files alone, with the repository's strict flags; returns readable diagnostics. */
function typeCheck(files: string[]): string[] {
  const program = ts.createProgram(files, strictOptions, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return text;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${path.basename(d.file.fileName)}:${line + 1}:${character + 1} ${text}`;
  });
}

/** Problems with a learner-facing file: any import, or no exported function with the declared name and params. */
function learnerFileProblems(file: string, meta: ExerciseMeta): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const problems: string[] = [];
  let found = false;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) problems.push("has an import");
    if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === "require"))) {
      problems.push("loads a module");
    }
    if (ts.isExportDeclaration(node) && node.moduleSpecifier) problems.push("re-exports a module");
    if (ts.isFunctionDeclaration(node) && node.name?.text === meta.functionName && node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      found = true;
      const params = node.parameters.map((p) => p.name.getText(source));
      if (params.join(",") !== meta.params.join(",")) problems.push(`parameters (${params.join(", ")}) differ from exercise.json (${meta.params.join(", ")})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!found) problems.push(`exports no function ${meta.functionName}`);
  return problems.map((p) => `${path.basename(file)}: ${p}`);
}

/** `solution` is the model solution imported directly; any parameter types are accepted. */
export function describeExerciseGates(slug: string, solutionFunction: (...args: never[]) => unknown): void {
  const solution = solutionFunction as unknown as LearnerFunction;
  describe(`exercise ${slug}`, () => {
    const loading = load(slug);

    it("loads as a valid exercise folder with bilingual statements, hints and a verbatim notes section", async () => {
      const { entry } = await loading;
      expect(entry.meta.slug).toBe(slug);
      for (const lang of ["zh", "en"] as const) {
        expect(entry.statement[lang]).toMatch(/\$[^$]+\$/); // KaTeX math present
        expect(entry.statement[lang]).toContain(entry.meta.functionName);
      }
      expect(entry.meta.hints.length).toBeGreaterThanOrEqual(2);
      expect(entry.meta.hints.length).toBeLessThanOrEqual(4);
      expect(entry.meta.misconceptions.length).toBeGreaterThanOrEqual(3);
    });

    it.skipIf(!notesAvailable)("quotes a heading of the study notes verbatim", async () => {
      const { entry } = await loading;
      const lines = readNotes().split("\n").map((l) => l.trim());
      expect(lines).toContain(entry.meta.notesSection);
    });

    it("keeps learner-facing files self-contained and type-correct under strict flags", async () => {
      const { entry } = await loading;
      const misconceptionDir = path.join(entry.dir, "misconceptions");
      const files = [
        path.join(entry.dir, "starter.ts"),
        path.join(entry.dir, "solution.ts"),
        ...readdirSync(misconceptionDir).map((f) => path.join(misconceptionDir, f)),
      ];
      expect(files.flatMap((f) => learnerFileProblems(f, entry.meta))).toEqual([]);
      // Each file alone: the sandbox runs them one at a time, with no shared declarations.
      expect(files.flatMap((f) => typeCheck([f]))).toEqual([]);
    });

    it("generates 6–10 deterministic cases per seed, about half visible, varying in shape and by seed", async () => {
      const loaded = await loading;
      for (const seed of gateSeeds) {
        const first = generateCases(loaded.oracle, seed);
        expect(generateCases(loaded.oracle, seed)).toEqual(first);
        expect(first.length).toBeGreaterThanOrEqual(6);
        expect(first.length).toBeLessThanOrEqual(10);
        const visible = first.filter((c) => c.visible).length;
        expect(visible).toBeGreaterThanOrEqual(Math.floor(first.length / 2) - 1);
        expect(visible).toBeLessThanOrEqual(Math.ceil(first.length / 2) + 1);
        expect(new Set(first.map((c) => shapeSignature(c.args))).size).toBeGreaterThan(1);
        expect(new Set(first.map((c) => c.name.en)).size).toBe(first.length);
      }
      expect(generateCases(loaded.oracle, 1)).not.toEqual(generateCases(loaded.oracle, 2));
    });

    it("model solution matches the reference on every case for seeds 1..20", async () => {
      const loaded = await loading;
      const failures: string[] = [];
      for (const seed of gateSeeds) {
        const run = runSeed(loaded, seed);
        run.cases.forEach((c, i) => {
          const result = call(solution, c.args);
          const problem = result.error ?? outputMismatch(result.output, run.expected[i], loaded.entry.meta);
          if (problem) failures.push(`seed ${seed} case "${c.name.en}": ${problem}`);
        });
      }
      expect(failures).toEqual([]);
    });

    it("each misconception fails a visible case, and only it matches a learner who holds it there", async () => {
      const loaded = await loading;
      const { meta } = loaded.entry;
      const undetected: string[] = [];
      const alike = new Set<string>();
      const ids = [...loaded.misconceptions.keys()];
      for (const seed of gateSeeds) {
        const run = runSeed(loaded, seed);
        const visible = run.cases.map((c, i) => ({ c, expected: run.expected[i] })).filter(({ c }) => c.visible);
        const outputs = new Map(ids.map((id) => [id, visible.map(({ c }) => call(loaded.misconceptions.get(id)!, c.args))]));
        for (const id of ids) {
          const caught = visible.some(({ expected }, k) => {
            const r = outputs.get(id)![k]!;
            return r.error !== undefined || outputMismatch(r.output, expected, meta) !== null;
          });
          if (!caught) undetected.push(`seed ${seed}: ${id} passes every visible case`);
        }
        // As the grader's diagnosis sees it (the same `diagnose`): a learner who holds misconception A fails
        // exactly the visible cases where A is wrong and passes the others; another misconception B is named
        // too when it predicts A's outputs on all of them, on finite evidence.
        const outputsOf = (id: string): (unknown | null)[] => outputs.get(id)!.map((r) => (r.error !== undefined ? null : r.output));
        for (const a of ids) {
          const graded = visible.map((v, k) => ({ k, expected: v.expected, r: outputs.get(a)![k]! })).filter(({ r }) => r.error === undefined);
          const failing = graded.filter(({ r, expected }) => outputMismatch(r.output, expected, meta) !== null);
          if (failing.length === 0) continue;
          const named = diagnose({
            misconceptions: meta.misconceptions,
            failing: failing.map(({ k, expected, r }) => ({ caseIndex: k, expected, got: r.output })),
            passing: graded.filter((g) => !failing.includes(g)).map(({ k, r }) => ({ caseIndex: k, got: r.output })),
            outputsOf,
            settings: { tolerance: meta.tolerance, gradientOutputs: meta.gradientOutputs },
            lang: "en",
          }).map((d) => d.misconceptionId);
          if (!named.includes(a)) alike.add(`seed ${seed}: ${a} is not named for its own outputs (names ${named.join(", ") || "nothing"})`);
          for (const b of named) if (b !== a) alike.add(`seed ${seed}: ${b} agrees with ${a} on every visible case ${a} fails`);
        }
      }
      expect(undetected).toEqual([]);
      expect([...alike]).toEqual([]);
    });

    it("the untouched starter does not pass the visible cases", async () => {
      const loaded = await loading;
      const run = runSeed(loaded, 1);
      const passesAll = run.cases.every((c, i) => {
        if (!c.visible) return true;
        const r = call(loaded.starter, c.args);
        return r.error === undefined && outputMismatch(r.output, run.expected[i], loaded.entry.meta) === null;
      });
      expect(passesAll).toBe(false);
    });
  });
}
