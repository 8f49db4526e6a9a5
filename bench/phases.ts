/**
 * What the benches share to split CPU per submission by process and by phase: the processes' CPU time from
 * /proc (load barely changes it, unlike wall time) and the phase samples grader/phase-timing.ts writes when
 * LACUNA_PHASE_TIMING_DIR is set.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { PhaseTimingFile } from "../grader/phase-timing";

function procStat(pid: number | "self"): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name, so fields[0] is the state (field 3 of `man proc`).
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null; // the process ended while we looked
  }
}

const tickMs = 10; // USER_HZ is 100 on Linux

/** What /proc counts for a process: CPU time (ms; user + system) and minor page faults, so far. */
export interface ProcessUsage {
  cpuMs: number;
  /** Of cpuMs, the kernel's (page faults, mapping and unmapping memory, system calls). */
  systemMs: number;
  /** Pages the kernel had to map on first touch (fresh memory: a new isolate's heap, a new process). */
  minorFaults: number;
}

/** A zero ProcessUsage to add others to. */
export function noUsage(): ProcessUsage {
  return { cpuMs: 0, systemMs: 0, minorFaults: 0 };
}

function usageOf(fields: string[], offset: { faults: number; user: number; system: number }): ProcessUsage {
  const systemMs = Number(fields[offset.system]) * tickMs;
  return { cpuMs: Number(fields[offset.user]) * tickMs + systemMs, systemMs, minorFaults: Number(fields[offset.faults]) };
}
const ownFields = { faults: 7, user: 11, system: 12 };
const reapedFields = { faults: 8, user: 13, system: 14 };

/** ProcessUsage so far of a process and, unless told otherwise, all its living descendants. */
export function treeUsage(rootPid: number, includeDescendants = true): ProcessUsage {
  const stats = new Map<number, { ppid: number; usage: ProcessUsage }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = procStat(Number(entry));
    if (fields) stats.set(Number(entry), { ppid: Number(fields[1]), usage: usageOf(fields, ownFields) });
  }
  const total = noUsage();
  const pending = [rootPid];
  while (pending.length) {
    const pid = pending.pop()!;
    const usage = stats.get(pid)?.usage;
    if (usage) addUsage(total, usage);
    if (includeDescendants) for (const [child, s] of stats) if (s.ppid === pid) pending.push(child);
  }
  return total;
}

/** CPU time (ms) used so far by a process and, unless told otherwise, all its living descendants. */
export function treeCpuMs(rootPid: number, includeDescendants = true): number {
  return treeUsage(rootPid, includeDescendants).cpuMs;
}

/** ProcessUsage of this process's children that have exited and been waited for (cutime, cstime, cminflt). */
export function reapedChildrenUsage(): ProcessUsage {
  const fields = procStat("self");
  return fields ? usageOf(fields, reapedFields) : noUsage();
}

export function addUsage(total: ProcessUsage, more: ProcessUsage): ProcessUsage {
  total.cpuMs += more.cpuMs;
  total.systemMs += more.systemMs;
  total.minorFaults += more.minorFaults;
  return total;
}

export function scaleUsage(usage: ProcessUsage, factor: number): ProcessUsage {
  return { cpuMs: usage.cpuMs * factor, systemMs: usage.systemMs * factor, minorFaults: usage.minorFaults * factor };
}

/** (after − before) / n, per field: the usage of one submission out of n. */
export function usagePer(after: ProcessUsage, before: ProcessUsage, n: number): ProcessUsage {
  return scaleUsage({ cpuMs: after.cpuMs - before.cpuMs, systemMs: after.systemMs - before.systemMs, minorFaults: after.minorFaults - before.minorFaults }, 1 / n);
}

export interface PhaseRow {
  phase: string;
  /** Samples in the window. */
  count: number;
  cpuMedianMs: number;
  wallMedianMs: number;
  /** The phase's CPU in the window divided by the submissions graded in it. */
  cpuPerSubmissionMs: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Every phase sample written into `dir`, by phase, that ended inside [from, to] (ms since the epoch). */
export function readPhases(dir: string, window: { from: number; to: number }, submissions: number): PhaseRow[] {
  const byPhase = new Map<string, [number, number][]>();
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (!name.endsWith(".jsonl")) continue;
    for (const line of readFileSync(path.join(dir, name), "utf8").split("\n")) {
      let file: PhaseTimingFile;
      try {
        file = JSON.parse(line) as PhaseTimingFile;
      } catch {
        continue; // the empty last line, or one being appended: settlePhases waits for it
      }
      for (const [phase, samples] of Object.entries(file.samples)) {
        let list = byPhase.get(phase);
        if (!list) byPhase.set(phase, (list = []));
        for (const [at, cpu, wall] of samples) if (at >= window.from && at <= window.to) list.push([cpu, wall]);
      }
    }
  }
  const order = ["web", "daemon", "worker"];
  return [...byPhase]
    .filter(([, list]) => list.length > 0)
    .map(([phase, list]) => ({
      phase,
      count: list.length,
      cpuMedianMs: round2(median(list.map(([cpu]) => cpu))),
      wallMedianMs: round2(median(list.map(([, wall]) => wall))),
      cpuPerSubmissionMs: round2(list.reduce((sum, [cpu]) => sum + cpu, 0) / Math.max(1, submissions)),
    }))
    .sort((a, b) => order.indexOf(a.phase.split(".")[0]!) - order.indexOf(b.phase.split(".")[0]!) || a.phase.localeCompare(b.phase));
}

/** The rows as a text table. */
export function phaseTable(rows: PhaseRow[]): string {
  const head = ["phase", "samples", "CPU median ms", "wall median ms", "CPU ms per submission"];
  const body = rows.map((r) => [r.phase, String(r.count), r.cpuMedianMs.toFixed(2), r.wallMedianMs.toFixed(2), r.cpuPerSubmissionMs.toFixed(2)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), ...body.map(line)].map((l) => `    ${l}`).join("\n");
}

/** Waits until every process has flushed what it recorded up to now (they write every 200 ms). */
export function settlePhases(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 600));
}
