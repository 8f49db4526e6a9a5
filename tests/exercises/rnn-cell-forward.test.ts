import { describe, expect, it } from "vitest";
import reference from "../../exercises/rnn/rnn-cell-forward/reference";
import { rnnCellForward } from "../../exercises/rnn/rnn-cell-forward/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("rnn-cell-forward", rnnCellForward);
describeCrossCheck("rnn-cell-forward");

describe("rnn-cell-forward reference", () => {
  it("gives the statement's worked example", () => {
    const out = reference([[1]], [[0.5]], [[2]], [[-1]], [[1], [-1]], [0], [0]) as { aNext: number[][]; yHat: number[][] };
    expect(out.aNext[0]![0]).toBeCloseTo(0, 7);
    expect(out.yHat[0]![0]).toBeCloseTo(0.5, 7);
    expect(out.yHat[0]![1]).toBeCloseTo(0.5, 7);
  });

  it("stays finite with logits near 1000 and matches the same logits without the offset", () => {
    const args = [[[0.5, -1]], [[0.25]], [[1]], [[0.5, 2]], [[1], [-2], [0.5]]];
    const shifted = reference(...args, [0.25], [1000, 1001, 998]) as { yHat: number[][] };
    const plain = reference(...args, [0.25], [2, 3, 0]) as { yHat: number[][] };
    shifted.yHat[0]!.forEach((v, k) => expect(v).toBeCloseTo(plain.yHat[0]![k]!, 6));
  });
});
