import { describe, expect, it } from "vitest";
import reference from "../../exercises/attention/scaled-dot-product-attention/reference";
import { scaledDotProductAttention } from "../../exercises/attention/scaled-dot-product-attention/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("scaled-dot-product-attention", scaledDotProductAttention);

describe("scaled-dot-product-attention reference", () => {
  it("gives the statement's worked example", () => {
    const Q = [[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 0, 0]];
    const K = [[0, 0, 0, 0], [1, 1, 0, 0], [5, 5, 5, 5]];
    const out = reference(Q, K, [[1], [-1], [7]], [1, 1, 0], true) as { weights: number[][]; output: number[][] };
    const e = Math.E;
    const expected = [[1, 0, 0], [1 / (1 + e), e / (1 + e), 0], [0.5, 0.5, 0]];
    expected.forEach((row, i) => row.forEach((w, j) => expect(out.weights[i]![j]).toBeCloseTo(w, 6)));
    [1, -Math.tanh(0.5), 0].forEach((v, i) => expect(out.output[i]![0]).toBeCloseTo(v, 6));
  });

  it("rejects a query whose every key is masked instead of returning NaN", () => {
    expect(() => reference([[1]], [[1], [2]], [[1], [2]], [0, 0], false)).toThrow(/every key masked/);
  });
});
