import { describe, expect, it } from "vitest";
import reference from "../../exercises/classic-cnns/residual-block-forward/reference";
import { residualBlockForward } from "../../exercises/classic-cnns/residual-block-forward/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("residual-block-forward", residualBlockForward);
describeCrossCheck("residual-block-forward");

describe("residual-block-forward reference", () => {
  const A = [[1], [2]];
  const W1 = [[1, 0], [0, -1]];
  const W2 = [[-2, 1], [1, 1]];

  it("gives the statement's worked example (identity shortcut)", () => {
    expect(reference(A, W1, [0, 0], W2, [0, 0.5], null)).toEqual([[0], [3.5]]);
  });

  it("gives the statement's worked example with the projection W_s", () => {
    expect(reference(A, W1, [0, 0], W2, [0, 0.5], [[0, 1], [1, 0]])).toEqual([[0], [2.5]]);
  });
});
