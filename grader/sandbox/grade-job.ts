/**
 * Grades one submission inside a worker process: transpile, compute (or reuse) the expected outputs from the
 * exercise's TensorFlow.js reference, run the learner's code in a fresh isolate, compare, diagnose, report.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { findExercise, type ExerciseEntry } from "../../exercises/catalog";
import { generateCases, loadOracle } from "../../exercises/oracle";
import type { Json, Lang, ParsedExerciseCase } from "../../exercises/schema";
import { compareOutputs, type ComparisonSettings } from "../compare";
import { diagnose } from "../diagnose";
import { formatArgs, formatValue } from "../format";
import type { GraderLimits } from "../limits";
import { messages, type GraderMessages } from "../messages";
import { phaseEnd, phaseStart } from "../phase-timing";
import { scrubHostPaths } from "../report-text";
import { curvePoints, emptyTiming, notRunCaseResult, reportVersion, reportWithoutCases, type CaseOutline, type CaseResult, type GradeMode, type GradeReport, type RuntimeError, type ShapeProblem, type SourceLocation } from "../report";
import { decodeSpecialJson, encodeSpecialJson } from "../special-json";
import { transpileSubmission } from "../transpile";
import type { LineMap } from "../sourcemap";
import { prepareSpareIsolate, runInIsolate, type CallOutcome, type IsolateLimits, type ThrownError } from "./run-isolate";

export interface GradeJob {
  slug: string;
  source: string;
  seed: number;
  lang: Lang;
  mode: GradeMode;
  exercisesRoot: string;
}

/**
 * Tells the parent's watchdog how long the next step may take (sandbox steps are learner code), and, when the
 * learner's code is about to run, which cases it runs: a report can then list them if the worker dies.
 */
export type PhaseListener = (phase: "host" | "sandbox", budgetMs: number, cases?: CaseOutline[]) => void;

interface ExpectedSet {
  cases: ParsedExerciseCase[];
  expected: Json[];
  /** Each case's arguments as the harness reads them, encoded once per seed. */
  argsJson: string[];
  /**
   * The report's renderings of each case's inputs and expected output, made once per seed on first use (they
   * depend on the case alone, never on a submission): formatting them was a tenth of a small grade's CPU.
   */
  inputsText: (string | undefined)[];
  expectedText: (string | undefined)[];
}

/**
 * Entries per cache. Large enough for every exercise's pool of hidden seeds (which the worker fills in the
 * background, see warmTasks) plus the visible seed and a margin of other seeds (CLI --seed, old rows).
 */
const cacheLimit = 4096;
const expectedCache = new Map<string, Promise<ExpectedSet>>();
const misconceptionCache = new Map<string, Promise<MisconceptionOutputs>>();

/** Outputs of one misconception on every case of a seed (null where it threw). */
type MisconceptionOutputs = (unknown | null)[];

/** The curve output (e.g. costHistory) of the reference and of the learner, for the app's learning-curve chart. */
function curveOf(output: string, expected: unknown, got: unknown): CaseResult["curve"] {
  const field = (value: unknown) => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[output] : undefined);
  const expectedPoints = curvePoints(field(expected));
  return expectedPoints ? { output, expected: expectedPoints, got: curvePoints(field(got)) } : null;
}

function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
  }
  return value;
}

function expectedFor(entry: ExerciseEntry, seed: number): Promise<ExpectedSet> {
  return remember(expectedCache, `${entry.dir}\0${seed}`, async () => {
    const oracle = await loadOracle(entry);
    const cases = generateCases(oracle, seed);
    const expected = cases.map((c) => oracle.reference(...(structuredClone(c.args) as Json[])));
    return { cases, expected, argsJson: cases.map((c) => encodeSpecialJson(c.args)), inputsText: [], expectedText: [] };
  });
}

function locate(stack: string, lineMap: LineMap): SourceLocation | null {
  const frame = /submission\.js:(\d+):(\d+)/.exec(stack);
  if (!frame) return null;
  const line = Number(frame[1]);
  const column = Number(frame[2]) - (Number(frame[1]) === 1 ? "try { ".length : 0);
  return lineMap.original(line, Math.max(1, column));
}

const memoryPatterns = /^(Array buffer allocation failed|Invalid string length|Invalid array length|Invalid typed array length|Array buffer allocation)/;

function thrownToRuntimeError(error: ThrownError, lineMap: LineMap, lang: Lang): RuntimeError {
  const text = messages[lang];
  if (memoryPatterns.test(error.message)) {
    return { kind: "memory", message: text.stringOrArrayTooLong(`${error.name}: ${error.message}`), location: locate(error.stack, lineMap) };
  }
  return { kind: "exception", message: scrubHostPaths(text.thrown(error.name, error.message)), location: locate(error.stack, lineMap) };
}

function outcomeError(outcome: CallOutcome, lineMap: LineMap, lang: Lang, limits: GraderLimits): RuntimeError | null {
  const text = messages[lang];
  switch (outcome.kind) {
    case "value":
      return null;
    case "thrown":
      return thrownToRuntimeError(outcome.error, lineMap, lang);
    case "promise":
      return { kind: "invalid-output", message: text.returnedPromise, location: null };
    case "too-large":
      return { kind: "invalid-output", message: text.outputTooLarge(limits.outputChars), location: null };
    case "too-deep":
      return { kind: "invalid-output", message: text.outputTooDeep, location: null };
    case "timeout":
      return { kind: "timeout", message: text.caseTimeout(limits.caseMs), location: null };
    case "submission-timeout":
      return { kind: "timeout", message: text.submissionTimeout(limits.submissionMs), location: null };
    case "memory":
      return { kind: "memory", message: text.memory(limits.memoryMb), location: null };
    case "not-run":
      if (outcome.reason === "budget") return { kind: "timeout", message: text.notRunBudget, location: null };
      if (outcome.reason === "memory") return { kind: "memory", message: text.notRun, location: null };
      return { kind: "exception", message: text.notRun, location: null };
  }
}

/**
 * A hidden case tells whether it passed, the kind of error and the shape problems, nothing more: error
 * messages, error magnitudes and durations are all things a submission can make depend on the hidden inputs
 * (or, compared across submissions, reveal the expected outputs), so none of them is reported.
 */
function hiddenCaseResult(c: ParsedExerciseCase, passed: boolean, ran: boolean, error: RuntimeError | null, problems: ShapeProblem[], text: GraderMessages, lang: Lang): CaseResult {
  const hiddenError = error ? { kind: error.kind, message: text.hiddenCaseError, location: null } : null;
  return { ...notRunCaseResult({ name: c.name[lang], visible: false, weight: c.weight }, hiddenError), passed, ran, problems };
}

/** Called when the worker is idle: the next submission then finds its fresh isolate ready. */
export function prepareForNextJob(limits: GraderLimits): void {
  prepareSpareIsolate(isolateLimits(limits));
}

export function isolateLimits(limits: GraderLimits): IsolateLimits {
  return {
    caseMs: limits.caseMs,
    submissionMs: limits.submissionMs,
    memoryMb: limits.memoryMb,
    consoleChars: limits.consoleChars,
    outputChars: limits.outputChars,
  };
}

/** Misconceptions are trusted code, but they run in an isolate too: same semantics as the learner's code. */
const trustedLimits: IsolateLimits = { caseMs: 10_000, submissionMs: 60_000, memoryMb: 256, consoleChars: 1, outputChars: 50_000_000 };

function misconceptionOutputs(entry: ExerciseEntry, id: string, seed: number, set: ExpectedSet, onPhase: PhaseListener): Promise<MisconceptionOutputs> {
  return remember(misconceptionCache, `${entry.dir}\0${id}\0${seed}`, async () => {
    const source = readFileSync(path.join(entry.dir, "misconceptions", `${id}.ts`), "utf8");
    const compiled = await transpileSubmission({ source, functionName: entry.meta.functionName, params: entry.meta.params, lang: "en", maxSourceBytes: 10_000_000 });
    if (!compiled.ok) throw new Error(`misconceptions/${id}.ts does not compile: ${compiled.errors[0]?.message}`);
    onPhase("sandbox", trustedLimits.submissionMs + 5000);
    const run = runInIsolate(compiled.code, entry.meta.functionName, set.argsJson.map((argsJson) => ({ argsJson, muted: true })), trustedLimits);
    onPhase("host", 0);
    return run.calls.map((call) => (call.kind === "value" ? decodeSpecialJson(call.json) : null));
  });
}

/**
 * Background work that fills the caches for these seeds of an exercise: its expected outputs, then each
 * misconception's outputs, one small task at a time so a submission arriving meanwhile waits for one task
 * at most. A "submit" graded on one of these seeds then needs neither the reference nor the misconceptions.
 * Failures are left in the cache exactly as a submission would have met them (and reported by it).
 */
export function warmTasks(slug: string, seeds: number[], exercisesRoot: string): (() => Promise<void>)[] {
  const entry = findExercise(slug, exercisesRoot);
  if (!entry) return [];
  const ignore = () => undefined;
  const tasks: (() => Promise<void>)[] = [];
  for (const seed of seeds) {
    tasks.push(() => expectedFor(entry, seed).then(ignore, ignore));
    for (const m of entry.meta.misconceptions) {
      tasks.push(() =>
        expectedFor(entry, seed)
          .then((set) => misconceptionOutputs(entry, m.id, seed, set, () => undefined))
          .then(ignore, ignore),
      );
    }
  }
  return tasks;
}

export async function gradeJob(job: GradeJob, limits: GraderLimits, onPhase: PhaseListener = () => {}): Promise<GradeReport> {
  const started = performance.now();
  const text = messages[job.lang];
  const entry = findExercise(job.slug, job.exercisesRoot);
  if (!entry) return reportWithoutCases(job, "error", { runtimeError: { kind: "unknown-exercise", message: text.unknownExercise(job.slug), location: null } });
  const timing = emptyTiming();

  const compileStarted = performance.now();
  const transpileMark = phaseStart();
  const compiled = await transpileSubmission({
    source: job.source,
    functionName: entry.meta.functionName,
    params: entry.meta.params,
    lang: job.lang,
    maxSourceBytes: limits.sourceBytes,
  });
  timing.compileMs = performance.now() - compileStarted;
  phaseEnd("worker.transpile", transpileMark);
  if (!compiled.ok) {
    return reportWithoutCases(job, "compile-error", { compileErrors: compiled.errors, timing: { ...timing, totalMs: performance.now() - started } });
  }

  const expectedStarted = performance.now();
  let set: ExpectedSet;
  try {
    set = await expectedFor(entry, job.seed);
  } catch (error) {
    return reportWithoutCases(job, "error", { runtimeError: { kind: "internal", message: scrubHostPaths(text.referenceFailed((error as Error).message)), location: null } });
  }
  timing.expectedMs = performance.now() - expectedStarted;
  const selected = set.cases.map((c, index) => ({ c, index })).filter(({ c }) => job.mode === "all" || c.visible);

  // Visible cases run first: state a submission keeps between calls (globals, queued promise callbacks)
  // can then never carry a hidden case's inputs into a visible case's output, error or console.
  const runOrder = [...selected.keys()].sort((a, b) => Number(!selected[a]!.c.visible) - Number(!selected[b]!.c.visible));
  onPhase("sandbox", limits.submissionMs + 1000, selected.map(({ c }) => ({ name: c.name[job.lang], visible: c.visible, weight: c.weight })));
  const isolateRun = runInIsolate(
    compiled.code,
    entry.meta.functionName,
    runOrder.map((i) => ({ argsJson: set.argsJson[selected[i]!.index]!, muted: !selected[i]!.c.visible })),
    isolateLimits(limits),
  );
  onPhase("host", 0);
  const run = { ...isolateRun, calls: [] as CallOutcome[], durationsMs: [] as number[] };
  runOrder.forEach((selectedIndex, runIndex) => {
    run.calls[selectedIndex] = isolateRun.calls[runIndex]!;
    run.durationsMs[selectedIndex] = isolateRun.durationsMs[runIndex]!;
  });
  // Hidden cases' time is left out of the reported timing: code can make it depend on their inputs.
  const hiddenMs = selected.reduce((sum, { c }, i) => sum + (c.visible ? 0 : (run.durationsMs[i] ?? 0)), 0);
  timing.runMs = run.moduleMs + selected.reduce((sum, { c }, i) => sum + (c.visible ? (run.durationsMs[i] ?? 0) : 0), 0);

  let runtimeError: RuntimeError | null = null;
  switch (run.bind.kind) {
    case "ok":
      break;
    case "compile":
      return reportWithoutCases(job, "compile-error", {
        compileErrors: [
          {
            message: /call stack/i.test(run.bind.error.message) ? text.nestedTooDeeply : scrubHostPaths(run.bind.error.message.replace(/\s*\[<isolated-vm>[^\]]*\]$/, "")),
            location: null,
            lineText: null,
          },
        ],
        timing: { ...timing, totalMs: performance.now() - started },
      });
    case "missing": {
      const message = run.bind.found === "undefined" ? text.missingFunction(entry.meta.functionName, entry.meta.params) : text.notAFunction(entry.meta.functionName, run.bind.found);
      return reportWithoutCases(job, "compile-error", {
        compileErrors: [{ message, location: null, lineText: null }],
        console: run.console,
        timing: { ...timing, totalMs: performance.now() - started },
      });
    }
    case "thrown":
      runtimeError = thrownToRuntimeError(run.bind.error, compiled.lineMap, job.lang);
      break;
    case "timeout":
      runtimeError = { kind: "timeout", message: text.caseTimeout(limits.caseMs), location: null };
      break;
    case "memory":
      runtimeError = { kind: "memory", message: text.memory(limits.memoryMb), location: null };
      break;
  }
  if (!runtimeError && run.memoryExceeded) runtimeError = { kind: "memory", message: text.memory(limits.memoryMb), location: null };

  const compareMark = phaseStart();
  const settings: ComparisonSettings = { tolerance: entry.meta.tolerance, gradientOutputs: entry.meta.gradientOutputs, lang: job.lang };
  const curveOutput = entry.meta.curveOutput;
  const gotValues: (unknown | undefined)[] = [];
  const cases: CaseResult[] = selected.map(({ c, index }, i) => {
    const outcome: CallOutcome = run.calls[i] ?? { kind: "not-run", reason: "earlier-error" };
    const ran = outcome.kind !== "not-run";
    const expected = set.expected[index];
    const error = outcomeError(outcome, compiled.lineMap, job.lang, limits);
    const got = outcome.kind === "value" ? decodeSpecialJson(outcome.json) : undefined;
    gotValues.push(got);
    const comparison = outcome.kind === "value" ? compareOutputs(expected, got, settings) : null;
    if (!c.visible) return hiddenCaseResult(c, comparison?.passed ?? false, ran, error, comparison?.problems ?? [], text, job.lang);
    return {
      name: c.name[job.lang],
      visible: c.visible,
      weight: c.weight,
      passed: comparison?.passed ?? false,
      ran,
      note: c.note ? c.note[job.lang] : null,
      inputs: (set.inputsText[index] ??= formatArgs(entry.meta.params, c.args)),
      expected: (set.expectedText[index] ??= formatValue(expected)),
      got: outcome.kind === "value" ? formatValue(got) : null,
      error,
      problems: comparison?.problems ?? [],
      maxAbsError: comparison?.maxAbsError ?? null,
      maxRelError: comparison?.maxRelError ?? null,
      worstIndex: comparison?.worstIndex ?? null,
      gradients: comparison?.gradients ?? [],
      durationMs: run.durationsMs[i] ?? 0,
      curve: c.visible && curveOutput ? curveOf(curveOutput, expected, got) : null,
    };
  });

  const diagnosisStarted = performance.now();
  const failing = selected.map((s, i) => ({ ...s, i })).filter(({ i }) => !cases[i]!.passed && gotValues[i] !== undefined);
  let diagnosis: GradeReport["diagnosis"] = [];
  if (failing.length > 0) {
    try {
      const outputs = new Map<string, MisconceptionOutputs>();
      for (const m of entry.meta.misconceptions) outputs.set(m.id, await misconceptionOutputs(entry, m.id, job.seed, set, onPhase));
      diagnosis = diagnose({
        misconceptions: entry.meta.misconceptions,
        failing: failing.map(({ index, i }) => ({ caseIndex: index, expected: set.expected[index], got: gotValues[i] })),
        passing: selected.flatMap(({ index }, i) => (cases[i]!.passed ? [{ caseIndex: index, got: gotValues[i] }] : [])),
        outputsOf: (id) => outputs.get(id) ?? [],
        settings,
        lang: job.lang,
      });
    } catch (error) {
      // A broken misconception file must not cost the learner their grade; `lacuna check` reports it.
      process.emitWarning(`diagnosis skipped for ${job.slug}: ${(error as Error).message}`);
    }
  }
  timing.diagnosisMs = performance.now() - diagnosisStarted;
  phaseEnd("worker.compare", compareMark);

  const maxPoints = cases.reduce((sum, c) => sum + c.weight, 0);
  const points = cases.reduce((sum, c) => sum + (c.passed ? c.weight : 0), 0);
  timing.totalMs = Math.max(0, performance.now() - started - hiddenMs);
  return {
    version: reportVersion,
    slug: job.slug,
    seed: job.seed,
    lang: job.lang,
    mode: job.mode,
    status: cases.length > 0 && points === maxPoints ? "passed" : "failed",
    score: maxPoints > 0 ? points / maxPoints : 0,
    points,
    maxPoints,
    compileErrors: [],
    runtimeError,
    console: { text: scrubHostPaths(run.console.text), truncated: run.console.truncated },
    typeWarnings: null,
    cases,
    diagnosis,
    timing,
  };
}
