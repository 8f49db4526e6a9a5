/**
 * CPU and wall time of each phase of a submission's path (web: auth, store, wake; daemon: claim, store,
 * notify; grader worker: transpile, isolate, cases, compare, report), for the benches. Off unless
 * LACUNA_PHASE_TIMING_DIR is set; then each process appends the samples it took since its last write to
 * `<dir>/<pid>.jsonl` (one line, a PhaseTimingFile, every 200 ms while there are new ones), and `bench:web` /
 * `bench:grader` read them. Off, a phase costs one boolean test. (Rewriting every sample so far on each write,
 * as this did first, cost a grading worker ~0.2–0.5 ms per submission by the end of a bench: the benches
 * measured their own instrument.)
 *
 *   const mark = phaseStart();  …work…  phaseEnd("worker.transpile", mark);
 *
 * CPU comes from process.cpuUsage() (the whole process, every thread), so a phase's CPU is exact only when
 * nothing else runs in the process meanwhile: synchronous phases, or a server handling one request at a time
 * (the benches' one-learner-alone runs). Work in other processes (esbuild's service) is not counted.
 */
import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";

/** [end time (ms since the epoch), CPU ms, wall ms] */
export type PhaseSample = [number, number, number];

/** One line of `<pid>.jsonl`: the samples by phase taken since the line before. */
export interface PhaseTimingFile {
  pid: number;
  samples: Record<string, PhaseSample[]>;
}

export type PhaseMark = { wall: number; cpu: NodeJS.CpuUsage } | null;

interface State {
  dir: string | null;
  /** Samples not yet written. */
  samples: Map<string, PhaseSample[]>;
  dirty: boolean;
}

/** Unwritten samples kept per phase if writing fails (a bench's folder removed under us). */
const samplesPerPhase = 20_000;
const flushMs = 200;

// One state per process (Next.js bundles this module into several route chunks), made on first use so a
// bench can set the variable before any phase runs.
const key = Symbol.for("lacuna.phase-timing");
let cached: State | null = null;

function getState(): State {
  return (cached ??= (globalThis as Record<symbol, State | undefined>)[key] ??= init());
}

function init(): State {
  const dir = process.env.LACUNA_PHASE_TIMING_DIR || null;
  const created: State = { dir, samples: new Map(), dirty: false };
  if (dir) {
    mkdirSync(dir, { recursive: true });
    setInterval(() => flush(created), flushMs).unref();
    process.on("exit", () => flush(created));
  }
  return created;
}

function flush(s: State): void {
  if (!s.dirty || !s.dir) return;
  const file: PhaseTimingFile = { pid: process.pid, samples: Object.fromEntries(s.samples) };
  try {
    appendFileSync(path.join(s.dir, `${process.pid}.jsonl`), `${JSON.stringify(file)}\n`);
    s.dirty = false;
    s.samples.clear();
  } catch {
    /* a bench's folder removed under us: timing is best effort */
  }
}

export function phaseStart(): PhaseMark {
  return getState().dir ? { wall: performance.now(), cpu: process.cpuUsage() } : null;
}

export function phaseEnd(phase: string, mark: PhaseMark): void {
  if (!mark) return;
  const cpu = process.cpuUsage(mark.cpu);
  const state = getState();
  let list = state.samples.get(phase);
  if (!list) state.samples.set(phase, (list = []));
  if (list.length >= samplesPerPhase) list.shift();
  list.push([Date.now(), (cpu.user + cpu.system) / 1000, performance.now() - mark.wall]);
  state.dirty = true;
}

/** Times an async phase (see the note above on CPU while other work interleaves). */
export async function timePhase<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const mark = phaseStart();
  try {
    return await work();
  } finally {
    phaseEnd(phase, mark);
  }
}
