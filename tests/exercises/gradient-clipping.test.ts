import { describe, expect, it } from "vitest";
import { clipReference } from "../../exercises/rnn/gradient-clipping/reference";
import { clipGradients } from "../../exercises/rnn/gradient-clipping/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("gradient-clipping", clipGradients);
describeCrossCheck("gradient-clipping");

describe("gradient-clipping reference", () => {
  const gradients = { dWaa: [[3]], dWax: [[0]], dWya: [[-4]], dba: [12], dby: [0] };

  it("gives the statement's worked example by value", () => {
    expect(clipReference(gradients, "value", 5)).toEqual({ dWaa: [[3]], dWax: [[0]], dWya: [[-4]], dba: [5], dby: [0] });
  });

  it("gives the statement's worked example by the global norm, and leaves a shorter gradient alone", () => {
    const clipped = clipReference(gradients, "norm", 5);
    expect(clipped.dWaa[0]![0]).toBeCloseTo(15 / 13, 6);
    expect(clipped.dWya[0]![0]).toBeCloseTo(-20 / 13, 6);
    expect(clipped.dba[0]).toBeCloseTo(60 / 13, 6);
    expect(clipped.dWax[0]![0]).toBe(0);
    expect(clipReference(gradients, "norm", 20)).toEqual(gradients);
  });
});
