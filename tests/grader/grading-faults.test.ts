/**
 * Inputs that once graded wrongly, kept as tests through the real grader (sandbox pool, TensorFlow.js
 * references computing the expected values):
 *
 *   - the DeepLearning.AI housing lab at its optimum, where the float32 reference of
 *     `linear-regression-gradient` answered dj_dw = 0 and rejected a correct float64 learner;
 *   - a learner who takes −log of a stable softmax probability in `softmax-cross-entropy-from-logits`: it
 *     passed on about a third of the seeds (the ±1000 case's label was random), and where it failed the
 *     diagnosis named binary-cross-entropy-on-one-hot because both outputs were Infinity there.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findExercise } from "../../exercises/catalog";
import { loadOracle } from "../../exercises/oracle";
import { createGraderPool, type GraderPool } from "../../grader/pool";
import { repoRoot } from "./helpers";

const root = process.env.LACUNA_EXERCISES_DIR ?? path.join(repoRoot, "exercises");
let pool: GraderPool;
beforeAll(() => {
  pool = createGraderPool({ workers: 2, exercisesRoot: root });
});
afterAll(async () => {
  await pool.close();
});

const housing = {
  X: [
    [2104, 5, 1, 45],
    [1416, 3, 2, 40],
    [852, 2, 1, 35],
  ],
  y: [460, 232, 178],
  w: [0.39133535, 18.75376741, -53.36032453, -26.42131618],
  b: 785.1811367994083,
};

/** A learner's vectorised float64 gradient, written unlike the model solution. */
const float64Learner = `
export function computeGradient(X: number[][], y: number[], w: number[], b: number): { dj_dw: number[]; dj_db: number } {
  const m = X.length;
  const errors = X.map((row, i) => row.reduce((acc, x, j) => acc + x * w[j]!, 0) + b - y[i]!);
  const dj_dw = w.map((_, j) => errors.reduce((acc, e, i) => acc + e * X[i]![j]!, 0) / m);
  const dj_db = errors.reduce((acc, e) => acc + e, 0) / m;
  return { dj_dw, dj_db };
}
`;

describe("float32 never rejects a correct float64 learner", () => {
  it("the housing lab's gradient at its optimum is resolved by the reference", async () => {
    const oracle = await loadOracle(findExercise("linear-regression-gradient", root)!);
    const { dj_dw, dj_db } = oracle.reference(housing.X, housing.y, housing.w, housing.b) as { dj_dw: number[]; dj_db: number };
    // The true gradient, from the lab's own float64 numbers: ≈ [−2.73e−3, −6.27e−6, −2.22e−6, −6.92e−5].
    const errors = housing.X.map((row, i) => row.reduce((acc, x, j) => acc + x * housing.w[j]!, housing.b) - housing.y[i]!);
    const truth = housing.w.map((_, j) => errors.reduce((acc, e, i) => acc + e * housing.X[i]![j]!, 0) / 3);
    expect(truth[0]).toBeCloseTo(-2.73e-3, 5);
    dj_dw.forEach((g, j) => expect(Math.abs(g - truth[j]!)).toBeLessThan(1e-6 + 1e-5 * Math.abs(truth[j]!)));
    expect(Math.abs(dj_db - errors.reduce((a, e) => a + e, 0) / 3)).toBeLessThan(1e-9);
  });

  it("a float64 learner's answer to it is accepted by the grader on every seed", async () => {
    for (const seed of [1, 2, 3]) {
      const report = await pool.grade({ slug: "linear-regression-gradient", source: float64Learner, seed, mode: "all" });
      const lab = report.cases.find((c) => c.name === "the housing lab at its optimum");
      expect(lab, "the housing lab is a visible case").toBeDefined();
      expect(lab!.passed).toBe(true);
      expect(report.status).toBe("passed");
    }
  }, 240_000);
});

/** Stable softmax first, then −log of the true class's probability: Infinity once that probability underflows. */
const logOfProbabilityLearner = `
export function softmaxCrossEntropy(Z: number[][], y: number[]): number {
  let loss = 0;
  Z.forEach((z, i) => {
    const top = Math.max(...z);
    const e = z.map((v) => Math.exp(v - top));
    const total = e.reduce((a, b) => a + b, 0);
    const p = e.map((v) => v / total);
    loss -= Math.log(p[y[i]!]!);
  });
  return loss / Z.length;
}
`;

describe("softmax cross-entropy: the ±1000 case exposes a log of an underflowed probability", () => {
  it("fails a visible case on every seed and is named as log-of-softmax-probability, never as binary cross-entropy", async () => {
    const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
    const reports = await Promise.all(seeds.map((seed) => pool.grade({ slug: "softmax-cross-entropy-from-logits", source: logOfProbabilityLearner, seed, mode: "visible" })));
    const passing = reports.filter((r) => r.status !== "failed").map((r) => r.seed);
    expect(passing).toEqual([]);
    for (const report of reports) {
      const failed = report.cases.filter((c) => !c.passed).map((c) => `${c.name}: got ${c.got}, expected ${c.expected}`);
      expect(failed).toEqual([expect.stringMatching(/^large logits \(±1000\): got Infinity, expected 6\d\d\.\d+/)]);
      expect(report.diagnosis.map((d) => d.misconceptionId)).toEqual(["log-of-softmax-probability"]);
    }
  }, 240_000);
});
