import { describe, expect, it } from "vitest";
import reference from "../../exercises/attention/multi-head-self-attention/reference";
import { multiHeadSelfAttention } from "../../exercises/attention/multi-head-self-attention/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("multi-head-self-attention", multiHeadSelfAttention);
describeCrossCheck("multi-head-self-attention");

describe("multi-head-self-attention reference", () => {
  const I = [[1, 0], [0, 1]];
  const swap = [[0, 1], [1, 0]];
  const big = Math.E / (1 + Math.E);
  const small = 1 / (1 + Math.E);

  it("gives the statement's worked example", () => {
    const out = reference(I, I, I, I, swap, 2) as { weights: number[][][]; output: number[][] };
    const expectClose = (got: number[][], want: number[][]) => want.forEach((row, i) => row.forEach((v, j) => expect(got[i]![j]).toBeCloseTo(v, 6)));
    expectClose(out.weights[0]!, [[big, small], [0.5, 0.5]]);
    expectClose(out.weights[1]!, [[0.5, 0.5], [small, big]]);
    expectClose(out.output, [[0.5, big], [big, 0.5]]);
  });
});
