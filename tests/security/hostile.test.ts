/**
 * The hostile-submission suite: each of the 30 attacks is graded by the real pool (real worker processes,
 * real isolated-vm isolates) and proven harmless: the learner gets a specific error, the next honest
 * submission is graded correctly, no file is written, and no environment variable or file content leaks.
 * Limits are small (pool options) so the whole suite stays fast.
 */
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraderPool, type GraderPool } from "../../grader/pool";
import type { GradeReport } from "../../grader/report";
import { fixturesRoot, mseSolution, repoRoot } from "../grader/helpers";

const limits = { caseMs: 250, submissionMs: 1000, memoryMb: 32, consoleChars: 4000, watchdogSlackMs: 1500 };
const canary = `canary-${process.pid}-${Date.now()}`;
const passwdFirstLine = readFileSync("/etc/passwd", "utf8").split("\n")[0]!;
const forbiddenFile = path.join(os.tmpdir(), `lacuna-hostile-${process.pid}`);

let pool: GraderPool;
let concurrentPool: GraderPool;
beforeAll(() => {
  // Set in the test process: the workers must never see it.
  process.env.LACUNA_SECURITY_CANARY = canary;
  pool = createGraderPool({ workers: 1, exercisesRoot: fixturesRoot, limits });
  concurrentPool = createGraderPool({ workers: 2, exercisesRoot: fixturesRoot, limits });
});
afterAll(async () => {
  delete process.env.LACUNA_SECURITY_CANARY;
  await Promise.all([pool.close(), concurrentPool.close()]);
});

const honestBody = "let s = 0; for (let i = 0; i < p.length; i++) s += (p[i]! - t[i]!) ** 2; return s / p.length;";
const fn = (body: string, prelude = ""): string => `${prelude}\nexport function meanSquaredError(p: number[], t: number[]): any {\n${body}\n}\n`;

function expectNoLeak(report: GradeReport): void {
  const text = JSON.stringify(report);
  expect(text).not.toContain(canary);
  expect(text).not.toContain(passwdFirstLine);
  expect(text).not.toContain(repoRoot);
  expect(text).not.toContain("node_modules");
  expect(existsSync(forbiddenFile)).toBe(false);
}

async function expectHonestGraded(target: GraderPool = pool): Promise<void> {
  const report = await target.grade({ slug: "fixture-mse", source: mseSolution(), seed: 11 });
  expect(report.status).toBe("passed");
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

async function hostile(source: string, target: GraderPool = pool): Promise<GradeReport> {
  const report = await target.grade({ slug: "fixture-mse", source, seed: 1 });
  expectNoLeak(report);
  await expectHonestGraded(target);
  return report;
}

const firstCaseError = (report: GradeReport) => report.cases[0]?.error;

describe("hostile submissions", () => {
  it("1 · while(true){} times out", async () => {
    const report = await hostile(fn("while (true) {}"));
    expect(firstCaseError(report)).toMatchObject({ kind: "timeout", message: "took longer than 250 ms (an endless loop, or far too much work)" });
    expect(report.score).toBe(0);
  });

  it("2 · a promise chain that never ends is stopped by the clock or the memory limit", async () => {
    // Each promise resolves to the next one, so the whole chain stays reachable and grows as fast as the isolate
    // runs: like test 7, which limit it meets first (250 ms or 64 MB) depends on how fast the machine is.
    const report = await hostile(fn("const loop = (): Promise<void> => Promise.resolve().then(loop); loop(); return 1;"));
    expect([report.runtimeError?.kind, firstCaseError(report)?.kind].some((k) => k === "memory" || k === "timeout")).toBe(true);
    expect(report.score).toBe(0);
  });

  it("3 · for(;;) await null times out", async () => {
    const report = await hostile(fn("void spin(); return 1;", "async function spin() { for (;;) await null; }"));
    expect(firstCaseError(report)?.kind).toBe("timeout");
  });

  it("4 · unbounded recursion is a stack overflow at its line", async () => {
    const report = await hostile(fn("return down(1);", "function down(n: number): number { return down(n + 1) + 1; }"));
    expect(firstCaseError(report)).toMatchObject({ kind: "exception", message: "RangeError: Maximum call stack size exceeded" });
    expect(firstCaseError(report)?.location?.line).toBe(1);
  });

  it("5 · [...'.'.repeat(1e9)] is refused as too large for memory", async () => {
    const report = await hostile(fn("return [...'.'.repeat(1e9)].length;"));
    expect(firstCaseError(report)?.kind).toBe("memory");
    expect(firstCaseError(report)?.message).toContain("Invalid string length");
  });

  it("6 · new Array(60*2**20).fill() is stopped by the memory limit", async () => {
    const report = await hostile(fn("return new Array(60 * 2 ** 20).fill(0).length;"));
    expect(report.status).toBe("failed");
    // Either the isolate's limit disposes it, the worker aborts (memory), or it thrashes until the watchdog stops it.
    const kinds = [report.runtimeError?.kind, firstCaseError(report)?.kind];
    expect(kinds.some((k) => k === "memory" || k === "timeout")).toBe(true);
    expect(report.runtimeError?.message ?? firstCaseError(report)?.message).toMatch(/memory/);
  });

  it("7 · pushing objects forever is stopped by the memory limit or the clock", async () => {
    const report = await hostile(fn("const a: object[] = []; for (;;) a.push({ i: a.length, s: 'x' + a.length });"));
    expect([report.runtimeError?.kind, firstCaseError(report)?.kind].some((k) => k === "memory" || k === "timeout")).toBe(true);
  });

  it("8 · doubling a string forever is refused as too large for memory", async () => {
    const report = await hostile(fn("let s = 'x'; for (;;) s += s;"));
    expect(firstCaseError(report)).toMatchObject({ kind: "memory" });
  });

  it("9 · retaining 1 GB of Float64Arrays is refused", async () => {
    const report = await hostile(fn("const keep: Float64Array[] = []; for (let i = 0; i < 1024; i++) keep.push(new Float64Array(2 ** 17)); return keep.length;"));
    expect(firstCaseError(report)?.kind).toBe("memory");
    expect(firstCaseError(report)?.message).toContain("Array buffer allocation failed");
  });

  it("10 · WebAssembly.Memory growth: WebAssembly does not exist in the sandbox", async () => {
    const report = await hostile(fn("const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536 }); for (;;) memory.grow(1024);"));
    expect(firstCaseError(report)?.message).toBe("ReferenceError: WebAssembly is not defined");
    // Belt and braces: the worker processes run with WebAssembly switched off in V8 as well.
    for (const { pid } of pool.stats().workers) {
      const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      expect(argv).toEqual(expect.arrayContaining(["--no-node-snapshot", "--no-expose-wasm", "--max-old-space-size=512"]));
    }
  });

  it("11 · new SharedArrayBuffer(2**31): SharedArrayBuffer does not exist in the sandbox", async () => {
    const report = await hostile(fn("return new SharedArrayBuffer(2 ** 31).byteLength;"));
    expect(firstCaseError(report)?.message).toBe("ReferenceError: SharedArrayBuffer is not defined");
  });

  it("12 · this.constructor.constructor('return process')() finds no process", async () => {
    const report = await hostile(fn("return ({} as any).constructor.constructor('return process')().env;"));
    expect(firstCaseError(report)?.message).toBe("ReferenceError: process is not defined");
    const topLevel = await hostile(fn("return 1;", "const stolen = (globalThis as any).constructor.constructor('return process')();"));
    expect(topLevel.runtimeError?.message).toBe("ReferenceError: process is not defined");
  });

  it("13 · import fs / require('fs') are rejected before anything runs", async () => {
    for (const source of [fn(`return fs.writeFileSync(${JSON.stringify(forbiddenFile)}, "x");`, 'import fs from "fs";'), fn(`require("fs").writeFileSync(${JSON.stringify(forbiddenFile)}, "x"); return 1;`)]) {
      const report = await hostile(source);
      expect(report.status).toBe("compile-error");
      expect(report.compileErrors[0]?.message).toMatch(/^imports are not allowed \("fs"\)/);
    }
    const dynamicRequire = await hostile(fn("const name = 'f' + 's'; return (globalThis as any).require(name);"));
    expect(firstCaseError(dynamicRequire)?.message).toMatch(/TypeError: .*require is not a function/);
  });

  it("14 · import('child_process') is rejected, and a computed import() is not supported", async () => {
    const report = await hostile(fn("return import('child_process');"));
    expect(report.compileErrors[0]?.message).toMatch(/^imports are not allowed \("child_process"\)/);
    const computed = await hostile(fn("const m = 'child_' + 'process'; return import(m);"));
    expect(computed.status).toBe("failed");
    expect(firstCaseError(computed)).toMatchObject({ kind: "exception", message: "Error: Not supported" });
  });

  it("15 · fetch, XMLHttpRequest and WebSocket do not exist", async () => {
    for (const api of ["fetch('http://127.0.0.1:9/')", "new XMLHttpRequest()", "new WebSocket('ws://127.0.0.1:9/')"]) {
      const report = await hostile(fn(`return ${api};`));
      expect(firstCaseError(report)?.message).toMatch(/^ReferenceError: (fetch|XMLHttpRequest|WebSocket) is not defined$/);
    }
  });

  it("16 · /etc/passwd and process.env are out of reach by every route", async () => {
    const routes = `
  const found: string[] = [];
  const tryRoute = (name: string, f: () => unknown) => { try { found.push(name + "=" + JSON.stringify(f())); } catch (e) { found.push(name + "!" + (e as Error).name); } };
  tryRoute("process", () => (globalThis as any).process?.env);
  tryRoute("Function", () => Function("return process.env")());
  tryRoute("eval", () => (0, eval)("process.env"));
  tryRoute("require", () => (globalThis as any).require?.("fs").readFileSync("/etc/passwd", "utf8"));
  tryRoute("Deno", () => (globalThis as any).Deno?.readTextFileSync("/etc/passwd"));
  tryRoute("Bun", () => (globalThis as any).Bun?.env);
  tryRoute("harness", () => Object.getOwnPropertyNames((globalThis as any).__lacuna));
  return found.join(" ");`;
    const report = await hostile(fn(routes));
    expect(report.cases[0]?.got).toContain("Function!ReferenceError");
    expect(report.cases[0]?.got).toContain("eval!ReferenceError");
    // And even the worker process around the sandbox has an empty environment.
    for (const { pid } of pool.stats().workers) {
      expect(readFileSync(`/proc/${pid}/environ`, "utf8")).not.toContain(canary);
    }
  });

  it("17 · polluting Object.prototype and Array.prototype affects neither the next submission nor the host", async () => {
    await hostile(fn(honestBody, "(Object.prototype as any).polluted = 1; (Array.prototype as any).map = () => 'hijacked'; (Array.prototype as any).polluted = 2;"));
    const probe = await pool.grade({
      slug: "fixture-mse",
      seed: 1,
      source: fn(`if (({} as any).polluted !== undefined || ([] as any).polluted !== undefined || typeof [1].map(String) === 'string') return -1;\n${honestBody}`),
    });
    expect(probe.status).toBe("passed");
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect([1, 2].map((x) => x * 2)).toEqual([2, 4]);
  });

  it("18 · returning { get x() { for(;;); } } times out inside the sandbox", async () => {
    const report = await hostile(fn("return { get x() { for (;;); } };"));
    expect(firstCaseError(report)?.kind).toBe("timeout");
  });

  it("19 · returning a Proxy: its traps run inside the sandbox, under the clock", async () => {
    const looping = await hostile(fn("return new Proxy({}, { ownKeys() { for (;;); } });"));
    expect(firstCaseError(looping)?.kind).toBe("timeout");
    const throwing = await hostile(fn("return new Proxy([1], { get() { throw new Error('trap'); } });"));
    expect(firstCaseError(throwing)?.message).toBe("Error: trap");
  });

  it("20 · returning JSON.parse('{\"__proto__\":{\"polluted\":1}}') pollutes nothing", async () => {
    const report = await hostile(fn(`return JSON.parse('{"__proto__":{"polluted":1}}');`));
    expect(report.cases[0]?.passed).toBe(false);
    expect(report.cases[0]?.problems[0]?.message).toBe("output: expected a number, got an object");
    expect(report.cases[0]?.got).toBe("{  }");
  });

  it("21 · NaN, -0 and Infinity are compared by the rules, not by accident", async () => {
    const nan = await hostile(fn("return NaN;"));
    expect(nan.cases.filter((c) => c.passed).map((c) => c.name)).toEqual(["no examples"]);
    // -0 compares equal to 0 and is shown as 0 (grader/format.ts): a "-0" only puzzles a learner.
    const negativeZero = await hostile(fn("return -0;"));
    expect(negativeZero.cases[0]?.got).toBe("0");
    const infinity = await hostile(fn("return Infinity;"));
    expect(infinity.cases[0]).toMatchObject({ passed: false, got: "Infinity", worstIndex: "" });
  });

  it("22 · console.log in a loop and a 10 MB string are capped", async () => {
    const report = await hostile(fn(`for (let i = 0; i < 1e6; i++) console.log("spam", i); console.log("x".repeat(10 * 2 ** 20));\n${honestBody}`));
    expect(report.status).toBe("passed");
    expect(report.console.truncated).toBe(true);
    expect(report.console.text.length).toBeLessThanOrEqual(limits.consoleChars);
    expect(report.console.text.startsWith("spam 0\nspam 1\n")).toBe(true);
  });

  it("23 · a 1 MB source file and deeply nested expressions are refused with a reason", async () => {
    const huge = await hostile(fn(honestBody, `// ${"x".repeat(1024 * 1024)}`));
    expect(huge.status).toBe("compile-error");
    expect(huge.compileErrors[0]?.message).toBe("the file is 1024 KB; submissions are limited to 64 KB");
    const nested = await hostile(fn("return x;", `const x = ${"[".repeat(15000)}1${"]".repeat(15000)};`));
    expect(nested.status).toBe("compile-error");
    expect(nested.compileErrors[0]?.message).toMatch(/nested too deeply/);
  });

  it("24 · eval of a huge string hits the memory limit", async () => {
    const report = await hostile(fn(`return eval("[" + "1,".repeat(3e8) + "]").length;`));
    expect(firstCaseError(report)?.kind).toBe("memory");
  });

  it("25 · stack traces show no host paths", async () => {
    const report = await hostile(
      fn("throw new Error('frames: ' + new Error().stack);", "(Error as any).prepareStackTrace = (_e: unknown, frames: any[]) => frames.map((f) => f.getFileName() + ':' + f.getLineNumber()).join('|');"),
    );
    const message = firstCaseError(report)?.message ?? "";
    expect(message).toMatch(/^Error: frames: submission\.js:\d+/);
    expect(message).not.toMatch(/\/(work|home|root|tmp|usr)\//);
  });

  it("26 · redefining Math, JSON, Float64Array and friends does not change how the result is read", async () => {
    const prelude = `(globalThis as any).JSON = null; (globalThis as any).Math = null; (globalThis as any).Float64Array = null;
(Object as any).keys = () => { throw new Error("keys"); }; (Array as any).isArray = () => false;
(String.prototype as any).slice = () => "hijacked"; (Object.prototype as any).toJSON = () => "hijacked";`;
    const report = await hostile(fn(honestBody, prelude));
    expect(report.status).toBe("passed");
  });

  it("27 · nothing in the sandbox's globals reveals expected values", async () => {
    // The first visible case of seed 1 expects 2.334375: the submission searches every global two levels
    // deep for it (and for anything named like grading state). Comparison happens on the host, after the
    // isolate is gone, so timing cannot reveal it either.
    const report = await hostile(
      fn(`const names = Object.getOwnPropertyNames(globalThis);
  let found = 0;
  const look = (v: unknown, depth: number): void => {
    if (typeof v === "number" && Math.abs(v - 2.334375) < 1e-4) found++;
    if (typeof v === "string" && /expected|oracle|tensorflow/i.test(v)) found++;
    if (depth > 1 || v === null || (typeof v !== "object" && typeof v !== "function")) return;
    for (const key of Object.getOwnPropertyNames(v)) { if (/expected|oracle|^reference$|^cases$/i.test(key)) found++; try { look((v as any)[key], depth + 1); } catch {} }
  };
  for (const name of names) look((globalThis as any)[name], 0);
  console.log(names.filter((n) => n.startsWith("__") || n === "console").join(","));
  return found;`),
    );
    const lines = report.console.text.trim().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toBe("console,__lacuna,__lacunaModule");
    expect(report.cases[0]?.got).toBe("0");
  });

  it("27b · hidden cases reveal nothing: not through console, error messages, error sizes or the harness", async () => {
    const source = fn(`try { (globalThis as any).__lacuna.runCase("[]", false, "guess"); } catch {}
  console.log("inputs", JSON.stringify(p));
  throw new Error("inputs " + JSON.stringify(p));`);
    const report = await hostile(source);
    const visible = report.cases.filter((c) => c.visible);
    const hidden = report.cases.filter((c) => !c.visible);
    expect(hidden.length).toBeGreaterThan(0);
    expect(report.console.text.trim().split("\n")).toHaveLength(visible.length);
    for (const c of hidden) {
      expect(c.error).toEqual({ kind: "exception", message: "failed with an error (the details of hidden cases are not shown; check the visible cases and edge cases)", location: null });
      expect([c.inputs, c.expected, c.got, c.maxAbsError, c.maxRelError, c.worstIndex, c.durationMs]).toEqual([null, null, null, null, null, null, 0]);
    }
    expect(visible[0]?.error?.message).toMatch(/^Error: inputs \[/);
  });

  it("27c · the harness's own entry (cases, binding, console) is out of a submission's reach", async () => {
    // Not through the global, nor through the stack: the harness is strict code, so V8 hands a submission neither
    // its functions as call sites nor as a caller.
    const source = fn(`const api = (globalThis as any).__lacuna;
  console.log(Object.getOwnPropertyNames(api).join(","), Object.isFrozen(api), typeof api.runCase, typeof api.bind, typeof api.takeConsole);
  const saved = (Error as any).prepareStackTrace;
  (Error as any).prepareStackTrace = (_e: unknown, frames: any[]) => frames.slice(1).filter((f) => f.getFunction() !== undefined).length;
  const reachable = new Error().stack;
  (Error as any).prepareStackTrace = saved;
  console.log("frames", reachable, "caller", String((meanSquaredError as any).caller));
  return 0;`);
    const report = await hostile(source);
    expect(report.console.text.split("\n").slice(0, 2)).toEqual(["moduleFailed true undefined undefined undefined", "frames 0 caller null"]);
  });

  it("28 · fifty submissions at once are all graded correctly", async () => {
    const kinds = Array.from({ length: 50 }, (_, i) => (i % 10 === 9 ? "loop" : i % 2 === 0 ? "honest" : "wrong"));
    const sources = { honest: mseSolution(), wrong: fn("return 0;"), loop: fn("for (;;);") };
    const reports = await Promise.all(kinds.map((kind, i) => concurrentPool.grade({ slug: "fixture-mse", source: sources[kind as keyof typeof sources], seed: i })));
    reports.forEach((report, i) => {
      expect(report.seed).toBe(i);
      expect(report.status).toBe(kinds[i] === "honest" ? "passed" : "failed");
      if (kinds[i] === "loop") expect(firstCaseError(report)?.kind).toBe("timeout");
      expectNoLeak(report);
    });
    await expectHonestGraded(concurrentPool);
  }, 60_000);

  /** Waits until a worker other than `killed` is busy, then kills it from outside with SIGKILL. */
  async function killBusyWorker(target: GraderPool, killed: number[]): Promise<number> {
    for (;;) {
      const busy = target.stats().workers.find((w) => w.busy && w.pid !== undefined && !killed.includes(w.pid))?.pid;
      if (busy !== undefined) {
        process.kill(busy, "SIGKILL");
        return busy;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it("29 · a worker killed from outside in the middle of a job: retried on a fresh worker, then business as usual", async () => {
    const pending = concurrentPool.grade({ slug: "fixture-mse", source: fn("for (;;);"), seed: 1 });
    await killBusyWorker(concurrentPool, []);
    const report = await pending;
    // Graded on the retry: the endless loop is the learner's, the kill was not.
    expect(report.status).toBe("failed");
    expect(report.retryable).toBeUndefined();
    expect(firstCaseError(report)?.kind).toBe("timeout");
    await expectHonestGraded(concurrentPool);
    expect(concurrentPool.stats().workers).toHaveLength(2);
  }, 120_000);

  it("29b · a submission whose workers are killed twice is given up, with a clear error", async () => {
    const pending = concurrentPool.grade({ slug: "fixture-mse", source: fn("for (;;);"), seed: 1 });
    const first = await killBusyWorker(concurrentPool, []);
    await killBusyWorker(concurrentPool, [first]);
    const report = await pending;
    expect(report.status).toBe("error");
    expect(report.retryable).toBeUndefined();
    expect(report.runtimeError).toMatchObject({
      kind: "crash",
      message: "the grading process stopped 2 times while grading this submission, so it is not graded again; if you did not expect this, change the code and submit again",
    });
    await expectHonestGraded(concurrentPool);
  }, 120_000);

  it("30 · honest code just under the time limit is accepted, just over is rejected", async () => {
    const timed = createGraderPool({ workers: 1, exercisesRoot: fixturesRoot, limits: { caseMs: 1000, submissionMs: 5000 } });
    try {
      // Only the first call is slow, so the case limit (not the submission's budget) is what is tested.
      const slowFirstCall = (ms: number): string =>
        fn(`if (calls++ === 0) { const until = Date.now() + ${ms}; while (Date.now() < until) {} }\n${honestBody}`, "let calls = 0;");
      const under = await timed.grade({ slug: "fixture-mse", source: slowFirstCall(700), seed: 1 });
      expect(under.status).toBe("passed");
      const over = await timed.grade({ slug: "fixture-mse", source: slowFirstCall(1300), seed: 1 });
      expect(over.status).toBe("failed");
      expect(firstCaseError(over)).toMatchObject({ kind: "timeout", message: "took longer than 1000 ms (an endless loop, or far too much work)" });
      expect(over.cases.slice(1).every((c) => c.passed)).toBe(true);
    } finally {
      await timed.close();
    }
  }, 60_000);
});
