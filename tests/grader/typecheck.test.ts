/**
 * The type checkers run beside grading with their own budget: a check that overruns is abandoned with a
 * notice (not an error), another learner's check is answered meanwhile, and code the checker cannot handle
 * gets a notice too, while that code is graded as usual. Real checker processes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraderPool, type GraderPool } from "../../grader/pool";
import { fixturesRoot, mseSolution, slowTypesSource } from "./helpers";

let pool: GraderPool;
beforeAll(() => {
  pool = createGraderPool({ workers: 1, exercisesRoot: fixturesRoot, typeCheckers: 2, limits: { typeCheckMs: 5000 } });
});
afterAll(async () => {
  await pool.close();
});

const slowTypes = slowTypesSource();

const withTypeError = mseSolution().replace(/\{/, '{\n  const label: string = 1;');
const deeplyNested = `const x = ${"(".repeat(1e4)}1${")".repeat(1e4)};\n${mseSolution()}`;

describe("type checking", () => {
  it("abandons a check over its budget with a notice, while another check is answered and the grade is not held up", async () => {
    const slow = pool.typeCheck("fixture-mse", slowTypes);
    const graded = pool.grade({ slug: "fixture-mse", source: slowTypes, seed: 1 });
    const other = await pool.typeCheck("fixture-mse", withTypeError);
    expect(other.notice).toBeNull();
    const labelLine = withTypeError.split("\n").findIndex((l) => l.includes("const label")) + 1;
    expect(other.warnings[0]).toMatchObject({ message: "Type 'number' is not assignable to type 'string'.", location: { line: labelLine, column: 9 } });
    expect((await graded).status).toBe("passed");
    expect(await slow).toEqual({ warnings: [], notice: "too-slow" });
    // The checker that was abandoned is replaced.
    expect((await pool.typeCheck("fixture-mse", withTypeError)).notice).toBeNull();
  }, 180_000);

  it("code nested too deeply for the checker gets a notice (the web answers 200 with it), and grading it is unaffected", async () => {
    expect(await pool.typeCheck("fixture-mse", deeplyNested)).toEqual({ warnings: [], notice: "too-complex" });
    // esbuild and V8 parse the 10,000 parentheses: the code is valid and is graded as usual (nesting
    // beyond the parsers gets "nested too deeply" as a compile error: hostile test 23).
    expect((await pool.grade({ slug: "fixture-mse", source: deeplyNested, seed: 1 })).status).toBe("passed");
  }, 180_000);
});
