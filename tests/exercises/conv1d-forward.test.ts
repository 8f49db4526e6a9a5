import { describe, expect, it } from "vitest";
import { conv1dForwardReference } from "../../exercises/cnn/conv1d-forward/reference";
import { conv1dForward } from "../../exercises/cnn/conv1d-forward/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("conv1d-forward", conv1dForward);
describeCrossCheck("conv1d-forward");

describe("conv1d-forward reference", () => {
  const A_prev = [[[1], [2], [0], [-1], [3], [1]]];
  const W = [[[1]], [[0]], [[-1]]];

  it("gives the statement's worked example ('valid', stride 1)", () => {
    expect(conv1dForwardReference(A_prev, W, [0.5], 1, "valid")).toEqual([[[1.5], [3.5], [-2.5], [-1.5]]]);
  });

  it("gives the statement's worked example ('same', stride 2, the extra zero at the end)", () => {
    expect(conv1dForwardReference(A_prev, W, [0.5], 2, "same")).toEqual([[[1.5], [-2.5], [3.5]]]);
  });
});
