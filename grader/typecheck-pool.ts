/**
 * The type checkers: a few processes (./typecheck-worker.ts), each keeping a warm TypeScript program, that
 * check submissions beside grading and never in its way. Each check has its own time budget, counted from
 * when a checker starts it: a check that overruns is abandoned (its checker is killed and replaced) and
 * answered with a notice, not an error, so one learner's slow check delays nobody else's for longer than
 * that budget. Code the checker cannot handle (nesting that overflows its parser's stack, a checker that
 * dies on it) gets a notice too. The queue is bounded: when it is full a check is skipped with a notice. Checkers
 * start when checks wait for them, or one at once with warm().
 */
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { z } from "zod";
import { forkTs, graderDir, killAndWait } from "./fork";
import { capText } from "./report-text";
import { typeWarningSchema, type TypeWarning } from "./report";
import { fromTypeCheckerSchema } from "./sandbox/protocol";

/** Why a type check gave no warnings: it overran its budget, the code was beyond the checker, or too many waited. */
export type TypeCheckNotice = "too-slow" | "too-complex" | "busy";

export interface TypeCheckResult {
  warnings: TypeWarning[];
  /** null when the check ran to the end (warnings may still be empty). */
  notice: TypeCheckNotice | null;
}

export interface TypeCheckPoolOptions {
  /** Checker processes; each serves one check at a time. */
  checkers: number;
  /** Wall time one check may take once a checker has started it, in ms. */
  budgetMs: number;
  /** Checks that may wait for a checker; beyond that a check is skipped ("busy"). */
  maxQueued: number;
}

interface PendingCheck {
  id: number;
  source: string;
  resolve: (result: TypeCheckResult) => void;
}

interface Checker {
  child: ChildProcess;
  check: PendingCheck | null;
  timer: NodeJS.Timeout | null;
  overran: boolean;
  /** Started and warm: the budget of a check only starts once its checker can work on it. */
  ready: boolean;
}

export interface TypeCheckPool {
  check(source: string): Promise<TypeCheckResult>;
  /** Starts one checker now, so the first check finds it warm (the daemon calls it at start). */
  warm(): void;
  close(): Promise<void>;
}

export function createTypeCheckPool(options: TypeCheckPoolOptions): TypeCheckPool {
  const checkers: Checker[] = [];
  const queue: PendingCheck[] = [];
  let nextId = 1;
  let closed = false;

  function settle(checker: Checker, result: TypeCheckResult): void {
    const pending = checker.check;
    if (!pending) return;
    if (checker.timer) clearTimeout(checker.timer);
    checker.timer = null;
    checker.check = null;
    pending.resolve(result);
  }

  function start(): Checker {
    const checker: Checker = { child: forkTs(path.join(graderDir, "typecheck-worker.ts"), 512), check: null, timer: null, overran: false, ready: false };
    checker.child.stderr?.resume();
    checker.child.on("message", (raw: unknown) => {
      const parsed = fromTypeCheckerSchema.safeParse(raw);
      if (!parsed.success) return;
      if (parsed.data.type === "ready") {
        checker.ready = true;
        return dispatch();
      }
      if (parsed.data.id !== checker.check?.id) return;
      if (parsed.data.type === "failed") settle(checker, { warnings: [], notice: "too-complex" });
      else {
        const warnings = z.array(typeWarningSchema).safeParse(parsed.data.warnings);
        settle(checker, warnings.success ? { warnings: warnings.data.map((w) => ({ ...w, message: capText(w.message) })), notice: null } : { warnings: [], notice: "too-complex" });
      }
      dispatch();
    });
    checker.child.on("close", () => {
      checkers.splice(checkers.indexOf(checker), 1);
      // A checker that dies on a file (out of memory, a crash) is replaced; the file gets a notice.
      settle(checker, { warnings: [], notice: checker.overran ? "too-slow" : "too-complex" });
      dispatch();
    });
    checkers.push(checker);
    return checker;
  }

  function dispatch(): void {
    if (closed) return;
    while (queue.length > 0) {
      const idle = checkers.find((c) => c.ready && c.check === null);
      if (!idle) break;
      const pending = queue.shift()!;
      idle.check = pending;
      idle.timer = setTimeout(() => {
        idle.overran = true;
        idle.child.kill("SIGKILL");
      }, options.budgetMs);
      idle.child.send({ id: pending.id, source: pending.source });
    }
    // Checkers start lazily, as many as the waiting checks need.
    for (let starting = checkers.filter((c) => !c.ready).length; starting < queue.length && checkers.length < options.checkers; starting++) start();
  }

  return {
    check(source: string): Promise<TypeCheckResult> {
      if (closed) return Promise.resolve({ warnings: [], notice: "busy" });
      if (queue.length >= options.maxQueued) return Promise.resolve({ warnings: [], notice: "busy" });
      return new Promise((resolve) => {
        queue.push({ id: nextId++, source, resolve });
        dispatch();
      });
    },
    warm(): void {
      if (!closed && checkers.length === 0) start();
    },
    async close(): Promise<void> {
      closed = true;
      for (const pending of queue.splice(0)) pending.resolve({ warnings: [], notice: "busy" });
      await Promise.all([...checkers].map((checker) => killAndWait(checker.child, "close")));
    },
  };
}
