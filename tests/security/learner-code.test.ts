/**
 * What a learner's code can do to the grader beyond one call (issue 8, section 4): work it leaves behind
 * after a call returns, state it keeps between calls, huge error messages, crashing or overrunning its
 * worker. Each test grades through the real pool (worker processes, isolated-vm) on the fixture exercise,
 * whose "no examples" case is visible but listed after the hidden ones.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findExercise } from "../../exercises/catalog";
import { generateCases, loadOracle } from "../../exercises/oracle";
import { createGraderPool, type GraderPool } from "../../grader/pool";
import type { GradeReport } from "../../grader/report";
import { fixturesRoot, mseSolution } from "../grader/helpers";

const limits = { caseMs: 250, submissionMs: 1000, memoryMb: 32, consoleChars: 4000, watchdogSlackMs: 1500 };
let pool: GraderPool;
let hiddenTargets: string[];
let visibleTargets: string[];

beforeAll(async () => {
  pool = createGraderPool({ workers: 1, exercisesRoot: fixturesRoot, limits });
  const cases = generateCases(await loadOracle(findExercise("fixture-mse", fixturesRoot)!), 1);
  const targets = (visible: boolean) => cases.filter((c) => c.visible === visible).map((c) => JSON.stringify(c.args[1]));
  hiddenTargets = targets(false);
  visibleTargets = targets(true);
  expect(hiddenTargets.length).toBeGreaterThan(0);
});
afterAll(async () => {
  await pool.close();
});

const fn = (body: string, prelude = ""): string => `${prelude}\nexport function meanSquaredError(p: number[], t: number[]): any {\n${body}\n}\n`;
const grade = (source: string): Promise<GradeReport> => pool.grade({ slug: "fixture-mse", source, seed: 1 });

/** No hidden case's targets appear anywhere in the report (console, messages, values). */
function expectNoHiddenInput(report: GradeReport): void {
  const text = JSON.stringify(report);
  for (const targets of hiddenTargets) if (targets !== "[]") expect(text).not.toContain(targets.slice(1, -1));
}

describe("what runs after or between calls cannot reveal a hidden case", () => {
  it("promise callbacks queued by a hidden case print nothing (they run after the call returns)", async () => {
    const report = await grade(fn("void Promise.resolve().then(() => console.log(JSON.stringify(t))); return 0;"));
    expectNoHiddenInput(report);
    // The visible cases' own callbacks still print, in the order the cases run.
    expect(report.console.text.trim().split("\n")).toEqual(visibleTargets);
  }, 120_000);

  it("a value kept from a hidden case never reaches a visible case's error (visible cases run first)", async () => {
    const report = await grade(fn("seen.push(t); if (t.length === 0) throw new Error(JSON.stringify(seen)); return 0;", "const seen: number[][] = [];"));
    expectNoHiddenInput(report);
    const noExamples = report.cases.find((c) => c.name === "no examples");
    expect(noExamples?.error?.message).toBe(`Error: ${JSON.stringify(visibleTargets.map((t) => JSON.parse(t) as number[]))}`);
  }, 120_000);

  it("getters read while the result is serialised, and chains of callbacks, print nothing in hidden cases", async () => {
    const report = await grade(
      fn("const deep = (n: number): Promise<void> => n === 0 ? Promise.resolve(console.log(JSON.stringify(t))) : Promise.resolve().then(() => deep(n - 1)); void deep(50); return { get value() { console.log(JSON.stringify(t)); return 0; } };"),
    );
    expectNoHiddenInput(report);
  }, 120_000);

  it("the reported timing leaves out the time of hidden cases", async () => {
    // The fixture has 3 visible cases, which run first; each hidden one spins for 200 ms.
    const report = await grade(fn("if (calls++ >= 3) { const until = Date.now() + 200; while (Date.now() < until) {} } return 0;", "let calls = 0;"));
    expect(report.cases.filter((c) => !c.visible).every((c) => c.ran)).toBe(true);
    expect(report.timing.runMs).toBeLessThan(200);
  }, 120_000);
});

describe("every string in a report is capped", () => {
  it("a million-character rejection message is cut to a few thousand characters", async () => {
    const report = await grade(fn('void Promise.reject(new Error("x".repeat(1e6))); return 0;'));
    expect(report.status).toBe("failed");
    const error = report.cases[0]?.error;
    expect(error?.kind).toBe("exception");
    expect(error?.message.startsWith("Error: xxxx")).toBe(true);
    expect(error!.message.length).toBeLessThanOrEqual(4000);
    expect(JSON.stringify(report).length).toBeLessThan(40_000);
  }, 120_000);

  it("a thrown string and a huge error name are capped too", async () => {
    const report = await grade(fn('const e = new Error("m"); e.name = "N".repeat(1e6); if (t.length > 3) throw e; throw "s".repeat(1e6);'));
    expect(JSON.stringify(report).length).toBeLessThan(40_000);
  }, 120_000);
});

describe("a worker death while the learner's code runs is the learner's", () => {
  it("a V8 fatal error (a value too large) fails with a memory error, every case listed as not run", async () => {
    const before = pool.stats().restarts;
    const report = await grade(fn('return "1".repeat(0x7ffffff).split("").length;'));
    expect(report.status).toBe("failed");
    expect(report.retryable).toBeUndefined();
    expect(report.runtimeError?.kind).toBe("memory");
    expect(report.runtimeError?.message).toMatch(/^used more memory than the grader allows \(32 MB per submission\) and stopped its grading process \(Fatal JavaScript invalid size error/);
    expect(report.cases.map((c) => c.ran)).toEqual([false, false, false, false, false]);
    // Not retried: one worker died, once.
    expect(pool.stats().restarts).toBe(before + 1);
    expect((await grade(mseSolution())).status).toBe("passed");
  }, 180_000);

  it("code that overruns its limit until the watchdog stops it still gets every case, marked not run", async () => {
    const report = await grade(fn("let x = 3n; for (let i = 0; i < 40; i++) x = x * x; return Number(x % 2n);"));
    expect(report.status).toBe("failed");
    expect(report.runtimeError?.kind).toBe("timeout");
    expect(report.cases).toHaveLength(5);
    expect(report.cases.every((c) => !c.ran && !c.passed && c.error?.message === "not run: the submission was stopped before this case")).toBe(true);
    expect((await grade(mseSolution())).status).toBe("passed");
  }, 180_000);

  it("cases after a used-up budget are marked not run", async () => {
    // Four cases use up the 1000 ms budget at 250 ms each; the fifth is never called.
    const report = await grade(fn("for (;;);"));
    const notRun = report.cases.filter((c) => !c.ran);
    expect(notRun.length).toBeGreaterThan(0);
    for (const c of notRun) expect(c.error).toMatchObject({ kind: "timeout", message: c.visible ? "not run: the submission's total time budget was used up before this case" : expect.any(String) });
  }, 120_000);
});
