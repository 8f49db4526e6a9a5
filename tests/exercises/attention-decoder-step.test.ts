import { describe, expect, it } from "vitest";
import reference from "../../exercises/attention/attention-decoder-step/reference";
import { attentionDecoder } from "../../exercises/attention/attention-decoder-step/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("attention-decoder-step", attentionDecoder);
describeCrossCheck("attention-decoder-step");

describe("attention-decoder-step reference", () => {
  it("gives the statement's worked example", () => {
    const out = reference([[0], [4], [-4]], [0], 1, [[0, 5]], [0], [Math.log(3)], 0, [[1]], [[0.5]], [-0.8]) as {
      alphas: number[][];
      contexts: number[][];
      states: number[][];
    };
    [0.2, 0.6, 0.2].forEach((alpha, k) => expect(out.alphas[0]![k]).toBeCloseTo(alpha, 6));
    expect(out.contexts[0]![0]).toBeCloseTo(1.6, 6);
    expect(out.states[0]![0]).toBeCloseTo(0, 6);
  });

  it("scores step t with s<t−1>: the second row of α depends on s<1>, not on s<0>", () => {
    const args = (s0: number[]) => [[[1], [-1], [0.5]], s0, 2, [[2, 1]], [0], [1.5], 0.25, [[0.5]], [[1]], [0]];
    const a = reference(...args([1])) as { alphas: number[][]; states: number[][] };
    const b = reference(...args([-1])) as { alphas: number[][]; states: number[][] };
    // The same s<1> would give the same second row; different s<0> give different first rows.
    expect(Math.abs(a.alphas[0]![0]! - b.alphas[0]![0]!)).toBeGreaterThan(1e-2);
    const second = reference([[1], [-1], [0.5]], a.states[0]!, 1, [[2, 1]], [0], [1.5], 0.25, [[0.5]], [[1]], [0]) as { alphas: number[][] };
    second.alphas[0]!.forEach((v, k) => expect(v).toBeCloseTo(a.alphas[1]![k]!, 6));
  });
});
