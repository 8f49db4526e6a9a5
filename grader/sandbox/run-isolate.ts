/**
 * Runs one submission in a fresh isolated-vm isolate: harness, learner module, then one call per case, each
 * under a wall-time limit and all under the submission's budget. Only strings cross the boundary (case
 * inputs in, serialised results out); no Reference or ExternalCopy is ever passed into the isolate.
 * Loaded only inside worker processes (see ./worker.ts), never by the grading daemon.
 */
import ivm from "isolated-vm";
import { harnessFilename, harnessSource, submissionFilename } from "../harness";
import { phaseEnd, phaseStart } from "../phase-timing";

export interface IsolateLimits {
  caseMs: number;
  submissionMs: number;
  memoryMb: number;
  consoleChars: number;
  outputChars: number;
}

export interface ThrownError {
  name: string;
  message: string;
  stack: string;
}

/** What happened to one call, before any comparison. */
export type CallOutcome =
  | { kind: "value"; json: string }
  | { kind: "thrown"; error: ThrownError }
  | { kind: "promise" }
  | { kind: "too-large" }
  | { kind: "too-deep" }
  | { kind: "timeout" }
  | { kind: "submission-timeout" }
  | { kind: "memory" }
  /** Never called: the module failed (`earlier-error`), the budget was used up, or memory ran out before. */
  | { kind: "not-run"; reason: "earlier-error" | "budget" | "memory" };

export type BindOutcome =
  | { kind: "ok" }
  | { kind: "missing"; found: string }
  | { kind: "thrown"; error: ThrownError }
  | { kind: "timeout" }
  | { kind: "memory" }
  | { kind: "compile"; error: ThrownError };

export interface IsolateRun {
  bind: BindOutcome;
  calls: CallOutcome[];
  console: { text: string; truncated: boolean };
  durationsMs: number[];
  /** Time spent loading the module (its top-level code and the binding of the function). */
  moduleMs: number;
  memoryExceeded: boolean;
}

export interface IsolateCall {
  argsJson: string;
  /** Console output during hidden cases is dropped so it cannot reveal their inputs. */
  muted: boolean;
}

type HostFailure = "timeout" | "memory" | "other";

function classifyHostError(error: unknown, isolate: ivm.Isolate): HostFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (isolate.isDisposed || /memory limit/i.test(message)) return "memory";
  if (/timed out/i.test(message)) return "timeout";
  return "other";
}

function parseHarnessJson<T>(text: unknown): T {
  if (typeof text !== "string") throw new Error("the harness returned a non-string");
  return JSON.parse(text) as T;
}

interface RawCallResult {
  ok: boolean;
  value?: unknown;
  error?: ThrownError;
  promise?: boolean;
  tooLarge?: boolean;
  tooDeep?: boolean;
}

/** Pulls the serialised value out of the harness's answer without re-serialising it. */
function valueJson(raw: string): string {
  const prefix = '{"ok":true,"value":';
  return raw.slice(prefix.length, -1);
}

/** The harness's entry (see harness.ts): op "bind" (functionName), "case" (argsJson, muted) or "console"; answers JSON text. */
type HarnessHost = (op: "bind" | "case" | "console", a?: string, b?: boolean) => string;

interface PreparedIsolate {
  key: string;
  isolate: ivm.Isolate;
  context: ivm.Context;
  /** Held by the host only: no global in the isolate refers to it. */
  host: ivm.Reference<HarnessHost>;
}

const preparedKey = (limits: IsolateLimits): string => `${limits.memoryMb}:${limits.outputChars}:${limits.consoleChars}`;

/**
 * V8's code cache of the harness, per harness source (it embeds the limits): made by compiling our own
 * harness once, then handed to the compiler of each new isolate, which checks it against the source and
 * falls back to compiling if it does not match. It is compiler input on the host side only: no value in the
 * isolate ever refers to it.
 */
const harnessCodeCache = new Map<string, ivm.ExternalCopy<ArrayBuffer>>();

function compileHarness(isolate: ivm.Isolate, limits: IsolateLimits): ivm.Script {
  const source = harnessSource({ outputChars: limits.outputChars, consoleChars: limits.consoleChars });
  const cachedData = harnessCodeCache.get(source);
  const script = isolate.compileScriptSync(source, { filename: harnessFilename, ...(cachedData ? { cachedData } : { produceCachedData: true }) }) as ivm.Script &
    ivm.CachedDataResult & { cachedDataRejected?: boolean };
  if (!cachedData && script.cachedData) harnessCodeCache.set(source, script.cachedData);
  else if (cachedData && script.cachedDataRejected) harnessCodeCache.delete(source);
  return script;
}

/**
 * V8's code cache of learner code seen more than once in this worker (Run then Submit, a resubmission, a class
 * submitting the starter, every misconception file), most recently used last. Like the harness's, it is made
 * by compiling the code before any of it runs and is handed only to the compiler, which checks it against the
 * source: nothing a submission does at run time can reach it, and no isolate ever holds it as a value. Code
 * seen once is compiled plainly (making a cache costs more than it saves on a single use).
 */
const learnerCodeCache = new Map<string, { seen: number; data: ivm.ExternalCopy<ArrayBuffer> | null; bytes: number }>();
/** The bytes (source and cache) bound the memory; the entries, as in ../transpile.ts, only the bookkeeping. */
const learnerCodeCacheLimit = { entries: 4096, bytes: 16_000_000 };
let learnerCodeCacheBytes = 0;

function forgetLearnerCode(code: string): void {
  const entry = learnerCodeCache.get(code);
  if (!entry) return;
  learnerCodeCacheBytes -= entry.bytes;
  entry.data?.release();
  learnerCodeCache.delete(code);
}

function compileLearnerCode(isolate: ivm.Isolate, code: string): ivm.Script {
  let entry = learnerCodeCache.get(code);
  if (entry) learnerCodeCache.delete(code);
  else {
    entry = { seen: 0, data: null, bytes: code.length * 2 };
    learnerCodeCacheBytes += entry.bytes;
  }
  learnerCodeCache.set(code, entry);
  entry.seen += 1;
  const cachedData = entry.data;
  const produce = !cachedData && entry.seen >= 2;
  const script = isolate.compileScriptSync(code, { filename: submissionFilename, ...(cachedData ? { cachedData } : produce ? { produceCachedData: true } : {}) }) as ivm.Script &
    ivm.CachedDataResult & { cachedDataRejected?: boolean };
  if (produce && script.cachedData) {
    entry.data = script.cachedData;
    // The cache's size once, when it is made (an ExternalCopy tells it only through a copy).
    const cacheBytes = script.cachedData.copy().byteLength;
    entry.bytes += cacheBytes;
    learnerCodeCacheBytes += cacheBytes;
  } else if (cachedData && script.cachedDataRejected) forgetLearnerCode(code);
  while (learnerCodeCache.size > learnerCodeCacheLimit.entries || learnerCodeCacheBytes > learnerCodeCacheLimit.bytes) {
    forgetLearnerCode(learnerCodeCache.keys().next().value as string);
  }
  return script;
}

/** A fresh isolate with the harness installed, not yet touched by any submission. */
function prepareIsolate(limits: IsolateLimits): PreparedIsolate {
  const isolate = new ivm.Isolate({ memoryLimit: limits.memoryMb });
  try {
    const context = isolate.createContextSync();
    // Only our harness has run in this isolate so far, and it ends by itself: no time limit (a timed call costs
    // isolated-vm's timer thread a wake-up and the worker a context switch).
    const host = compileHarness(isolate, limits).runSync(context, { reference: true, release: true }) as ivm.Reference<HarnessHost>;
    if (host.typeof !== "function") throw new Error("the grading harness did not install");
    return { key: preparedKey(limits), isolate, context, host };
  } catch (error) {
    if (!isolate.isDisposed) isolate.dispose();
    throw error;
  }
}

let spare: PreparedIsolate | null = null;

/**
 * Prepares the next submission's isolate while the worker is idle, taking isolate creation off the grading
 * path. Each spare is used by exactly one submission: isolates are never reused or shared.
 */
export function prepareSpareIsolate(limits: IsolateLimits): void {
  if (spare?.key === preparedKey(limits)) return;
  if (spare && !spare.isolate.isDisposed) spare.isolate.dispose();
  spare = prepareIsolate(limits);
}

function takeIsolate(limits: IsolateLimits): PreparedIsolate {
  // A run with other limits (a misconception's, in the background) builds its own isolate and leaves the
  // spare to the next submission; the spare is still handed out once only.
  if (spare && spare.key === preparedKey(limits) && !spare.isolate.isDisposed) {
    const taken = spare;
    spare = null;
    return taken;
  }
  return prepareIsolate(limits);
}

export function runInIsolate(code: string, functionName: string, calls: IsolateCall[], limits: IsolateLimits): IsolateRun {
  const started = performance.now();
  const remaining = (): number => Math.max(0, limits.submissionMs - (performance.now() - started));
  const isolateMark = phaseStart();
  const { isolate, context, host } = takeIsolate(limits);
  const outcomes: CallOutcome[] = [];
  const durationsMs: number[] = [];
  let consoleOutput = { text: "", truncated: false };
  let bind: BindOutcome = { kind: "ok" };
  let memoryExceeded = false;
  try {
    const callHost = (args: Parameters<HarnessHost>, timeout: number): unknown => host.applySync(undefined, args, { timeout });

    try {
      let script: ivm.Script;
      try {
        script = compileLearnerCode(isolate, code);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        bind = { kind: "compile", error: { name: "SyntaxError", message, stack: "" } };
        return { bind, calls: calls.map(() => ({ kind: "not-run", reason: "earlier-error" })), console: consoleOutput, durationsMs: calls.map(() => 0), moduleMs: 0, memoryExceeded };
      }
      const moduleTimeout = Math.max(1, Math.min(limits.caseMs, remaining()));
      script.runSync(context, { timeout: moduleTimeout });
      const bound = parseHarnessJson<{ ok: boolean; missing?: boolean; found?: string; error?: ThrownError }>(callHost(["bind", functionName], 1000));
      if (bound.missing) bind = { kind: "missing", found: bound.found ?? "undefined" };
      else if (bound.error) bind = { kind: "thrown", error: bound.error };
    } catch (error) {
      const failure = classifyHostError(error, isolate);
      if (failure === "other") bind = { kind: "thrown", error: hostThrown(error) };
      else {
        bind = { kind: failure };
        memoryExceeded = failure === "memory";
      }
    }

    const moduleMs = performance.now() - started;
    phaseEnd("worker.isolate", isolateMark);
    const casesMark = phaseStart();
    for (const call of calls) {
      const callStarted = performance.now();
      let outcome: CallOutcome;
      if (memoryExceeded) outcome = { kind: "not-run", reason: "memory" };
      else if (bind.kind !== "ok") outcome = { kind: "not-run", reason: "earlier-error" };
      else if (remaining() < 1) outcome = { kind: "not-run", reason: "budget" };
      else {
        const timeout = Math.max(1, Math.min(limits.caseMs, Math.floor(remaining())));
        try {
          const raw = callHost(["case", call.argsJson, call.muted], timeout);
          outcome = toCallOutcome(raw);
        } catch (error) {
          const failure = classifyHostError(error, isolate);
          if (failure === "memory") memoryExceeded = true;
          outcome =
            failure === "other"
              ? { kind: "thrown", error: hostThrown(error) }
              : { kind: failure === "timeout" && timeout < limits.caseMs ? "submission-timeout" : failure };
        }
      }
      outcomes.push(outcome);
      durationsMs.push(performance.now() - callStarted);
    }
    if (!isolate.isDisposed) {
      try {
        consoleOutput = parseHarnessJson(callHost(["console"], 500));
      } catch {
        // Console output is best effort: an isolate that just hit a limit may not answer.
      }
    }
    phaseEnd("worker.cases", casesMark);
    return { bind, calls: outcomes, console: consoleOutput, durationsMs, moduleMs, memoryExceeded };
  } finally {
    const disposeMark = phaseStart();
    if (!isolate.isDisposed) isolate.dispose();
    phaseEnd("worker.dispose", disposeMark);
  }
}

/**
 * An error V8 raised outside the harness's reach (e.g. a computed `import()`, which the isolate has no
 * loader for): reported as the learner's exception, never as a grader failure.
 */
function hostThrown(error: unknown): ThrownError {
  const message = error instanceof Error ? error.message : String(error);
  return { name: error instanceof Error ? error.name : "Error", message: message.replace(/\s*\[<isolated-vm>[^\]]*\]$/, ""), stack: "" };
}

function toCallOutcome(raw: unknown): CallOutcome {
  if (typeof raw !== "string") throw new Error("the harness returned a non-string");
  if (raw.startsWith('{"ok":true,"value":')) return { kind: "value", json: valueJson(raw) };
  const parsed = JSON.parse(raw) as RawCallResult;
  if (parsed.error) return { kind: "thrown", error: parsed.error };
  if (parsed.promise) return { kind: "promise" };
  if (parsed.tooLarge) return { kind: "too-large" };
  if (parsed.tooDeep) return { kind: "too-deep" };
  throw new Error(`unexpected harness answer: ${raw.slice(0, 200)}`);
}
