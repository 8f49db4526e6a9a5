import { build } from "esbuild";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGradescope } from "../../grader/gradescope";
import { createGraderPool, type GraderPool } from "../../grader/pool";
import { gradeReportSchema } from "../../grader/report";
import { fixtureFile, fixturesRoot, gradientSolution, mseSolution, repoRoot } from "./helpers";

let pool: GraderPool;
beforeAll(() => {
  pool = createGraderPool({ workers: 2, exercisesRoot: fixturesRoot });
});
afterAll(async () => {
  await pool.close();
});

describe("grading", () => {
  it("passes the model solution, and the report survives a JSON round trip and re-validation", async () => {
    const report = await pool.grade({ slug: "fixture-gradient", source: gradientSolution(), seed: 7 });
    expect(report.status).toBe("passed");
    expect(report.score).toBe(1);
    expect(report.points).toBe(6);
    expect(report.cases).toHaveLength(5);
    expect(report.typeWarnings).toBeNull();
    expect(gradeReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
    // The first grade waits for the workers to start: generous on a loaded machine.
  }, 120_000);

  it("names the misconception the numbers point to, in the learner's language", async () => {
    const source = fixtureFile("gradient-descent", "fixture-gradient", "misconceptions/missing-one-over-m.ts");
    const en = await pool.grade({ slug: "fixture-gradient", source, seed: 2, lang: "en" });
    expect(en.status).toBe("failed");
    expect(en.diagnosis.map((d) => d.misconceptionId)).toEqual(["missing-one-over-m"]);
    expect(en.diagnosis[0]?.explanation).toBe("The gradient averages over the examples.");
    const zh = await pool.grade({ slug: "fixture-gradient", source, seed: 2, lang: "zh" });
    expect(zh.diagnosis[0]?.title).toBe("漏掉了 1/m");
    const failed = en.cases.find((c) => c.visible && !c.passed)!;
    expect(failed.inputs).toMatch(/^x = \[/);
    expect(failed.expected).toMatch(/^\{ dw: /);
    expect(failed.gradients.map((g) => g.output)).toEqual(["dw", "db"]);
    expect(failed.gradients[0]?.relativeError).toBeGreaterThan(0.1);
    expect(failed.worstIndex).toMatch(/^(dw|db)$/);
  });

  it("writes a zh report's shape and type problems in Chinese, as its other messages", async () => {
    for (const returned of ["[1, 2, 3]", '"hello"']) {
      const source = `export function meanSquaredError(p: number[], t: number[]): any { return ${returned}; }`;
      const report = await pool.grade({ slug: "fixture-mse", source, seed: 1, lang: "zh" });
      expect(report.status).toBe("failed");
      const problems = report.cases.flatMap((c) => c.problems.map((p) => p.message));
      expect(problems.length).toBeGreaterThan(0);
      for (const message of problems) {
        expect(message).toMatch(/^输出：期望/);
        expect(message).not.toMatch(/\b(expected|got|shape|output|number|string)\b/);
      }
    }
  });

  it("gives no diagnosis to a wrong answer no misconception explains", async () => {
    const source = "export function meanSquaredError(p: number[], t: number[]) { return p.length === 0 ? NaN : 42; }";
    const report = await pool.grade({ slug: "fixture-mse", source, seed: 1 });
    expect(report.status).toBe("failed");
    expect(report.diagnosis).toEqual([]);
  });

  it("gives partial credit as the weighted share of passed cases", async () => {
    // Right on the first two cases of the seed only (m = 5 in both for seed 1), wrong elsewhere.
    const source = `export function gradient(x: number[], y: number[], w: number, b: number) {
  let dw = 0, db = 0, cost = 0;
  for (let i = 0; i < x.length; i++) { const e = w * x[i]! + b - y[i]!; dw += e * x[i]!; db += e; cost += e * e; }
  const m = x.length === 5 ? x.length : 1;
  return { dw: dw / m, db: db / m, cost: cost / (2 * x.length) };
}`;
    const report = await pool.grade({ slug: "fixture-gradient", source, seed: 1 });
    const passedWeight = report.cases.filter((c) => c.passed).reduce((s, c) => s + c.weight, 0);
    expect(passedWeight).toBeGreaterThan(0);
    expect(report.points).toBe(passedWeight);
    expect(report.score).toBeCloseTo(passedWeight / 6);
  });

  it("maps a runtime error to the line and column of the learner's file", async () => {
    const source = `// a comment
export function meanSquaredError(p: number[], t: number[]): number {
  const n: number = p.length;
  if (n > 0) {
    throw new RangeError("no examples expected");
  }
  return NaN;
}`;
    const report = await pool.grade({ slug: "fixture-mse", source, seed: 1 });
    const error = report.cases[0]?.error;
    expect(error?.kind).toBe("exception");
    expect(error?.message).toBe("RangeError: no examples expected");
    expect(error?.location).toEqual({ line: 5, column: 11 });
    expect(report.cases.find((c) => c.name === "no examples")?.passed).toBe(true);
  });

  it("treats a NaN result as correct only where NaN is expected", async () => {
    const report = await pool.grade({ slug: "fixture-mse", source: "function meanSquaredError() { return NaN; }", seed: 3 });
    expect(report.cases.filter((c) => c.passed).map((c) => c.name)).toEqual(["no examples"]);
    expect(report.cases[0]?.got).toBe("NaN");
  });

  it("reads back arrays of numbers exactly, NaN, ±Infinity and -0 among them, and refuses one too large to compare", async () => {
    const source = "function meanSquaredError() { return [NaN, -Infinity, 1e21, [0.25, -0], \"x\"]; }";
    const report = await pool.grade({ slug: "fixture-mse", source, seed: 3 });
    expect(report.runtimeError).toBeNull();
    expect(report.cases[0]?.got).toBe('[NaN, -Infinity, 1e+21, [0.25, 0], "x"]');
    expect(report.cases[0]?.problems[0]?.message).toMatch(/ragged/);

    const huge = await pool.grade({ slug: "fixture-mse", source: "function meanSquaredError() { return Array.from({ length: 300000 }, (_, i) => i + 0.123456789); }", seed: 3 });
    expect(huge.cases[0]?.error?.kind).toBe("invalid-output");
    expect(huge.cases[0]?.error?.message).toMatch(/too large to compare/);
  });

  it("hides the data of hidden cases and grades only visible ones in visible mode", async () => {
    const all = await pool.grade({ slug: "fixture-mse", source: "function meanSquaredError() { return 1; }", seed: 1, mode: "all" });
    const hidden = all.cases.filter((c) => !c.visible);
    expect(hidden.length).toBeGreaterThan(0);
    for (const c of hidden) expect([c.inputs, c.expected, c.got]).toEqual([null, null, null]);
    const visible = await pool.grade({ slug: "fixture-mse", source: mseSolution(), seed: 1, mode: "visible" });
    expect(visible.cases.every((c) => c.visible)).toBe(true);
    expect(visible.status).toBe("passed");
  });

  it("captures console output but not during hidden cases", async () => {
    const source = `export function meanSquaredError(p: number[], t: number[]) { console.log("m", p.length, { first: p[0] }); return 0; }`;
    const report = await pool.grade({ slug: "fixture-mse", source, seed: 1 });
    const visibleCount = report.cases.filter((c) => c.visible).length;
    expect(report.console.text.trim().split("\n")).toHaveLength(visibleCount);
    expect(report.console.text).toMatch(/^m \d+ \{"first":/);
  });

  it("says clearly what could not be graded", async () => {
    const unknown = await pool.grade({ slug: "no-such-exercise", source: mseSolution() });
    expect(unknown.status).toBe("error");
    expect(unknown.runtimeError?.kind).toBe("unknown-exercise");
    const missing = await pool.grade({ slug: "fixture-mse", source: "export function mse() { return 1; }" });
    expect(missing.status).toBe("compile-error");
    expect(missing.compileErrors[0]?.message).toContain("must declare the function meanSquaredError(predictions, targets)");
    const notFunction = await pool.grade({ slug: "fixture-mse", source: "export const meanSquaredError = 3;" });
    expect(notFunction.compileErrors[0]?.message).toBe('"meanSquaredError" must be a function, but it is number');
    const syntax = await pool.grade({ slug: "fixture-mse", source: "export function meanSquaredError(p: number[] {\n}", lang: "zh" });
    expect(syntax.status).toBe("compile-error");
    expect(syntax.compileErrors[0]?.location).toEqual({ line: 1, column: 46 });
    await expect(pool.grade({ slug: "fixture-mse", source: "x", seed: -1 })).rejects.toThrow(/invalid grade request: seed/);
  });

  it("type-checks separately, with line and column, without stopping the code", async () => {
    const source = `export function meanSquaredError(p: number[], t: number[]): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += (p[i]! - t[i]!) ** 2;
  const label: string = sum;
  return sum / p.length;
}`;
    const [report, warnings] = await Promise.all([pool.grade({ slug: "fixture-mse", source, seed: 1 }), pool.typeCheck("fixture-mse", source)]);
    expect(report.status).toBe("passed");
    expect(warnings).toEqual({ warnings: [{ message: "Type 'number' is not assignable to type 'string'.", location: { line: 4, column: 9 }, code: 2322 }], notice: null });
    expect(await pool.typeCheck("fixture-mse", mseSolution())).toEqual({ warnings: [], notice: null });
    // The first check waits for a checker process to start.
  }, 120_000);

  it("converts a report to Gradescope's results.json", async () => {
    const source = fixtureFile("linear-regression", "fixture-mse", "misconceptions/sum-not-mean.ts");
    const results = toGradescope(await pool.grade({ slug: "fixture-mse", source, seed: 1 }));
    expect(results.tests.map((t) => t.status)).toContain("failed");
    expect(results.tests[0]).toMatchObject({ name: expect.any(String), max_score: 1, visibility: "visible" });
    expect(results.tests.some((t) => t.visibility === "after_published")).toBe(true);
    expect(results.score).toBe(results.tests.reduce((s, t) => s + t.score, 0));
    expect(results.extra_data.misconceptions).toEqual(["sum-not-mean"]);
    expect(results.output).toContain("Summed instead of averaging");
  });
});

describe("the parent module", () => {
  it("does not load isolated-vm, esbuild or TensorFlow.js (only the workers do)", async () => {
    const result = await build({
      entryPoints: [path.join(repoRoot, "grader", "index.ts")],
      bundle: true,
      write: false,
      metafile: true,
      platform: "node",
      format: "esm",
      packages: "external",
      logLevel: "silent",
    });
    const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
    expect(imports.filter((p) => /isolated-vm|esbuild|@tensorflow|typescript$/.test(p))).toEqual([]);
    const files = Object.keys(result.metafile.inputs);
    expect(files.some((f) => f.includes("run-isolate") || f.includes("exercises/oracle"))).toBe(false);
  });
});
