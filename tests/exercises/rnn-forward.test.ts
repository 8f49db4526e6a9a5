import { describe, expect, it } from "vitest";
import { rnnForwardReference } from "../../exercises/rnn/rnn-forward/reference";
import { rnnForward } from "../../exercises/rnn/rnn-forward/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("rnn-forward", rnnForward);
describeCrossCheck("rnn-forward");

describe("rnn-forward reference", () => {
  it("gives the statement's worked example", () => {
    const { a, yHat } = rnnForwardReference([[[1], [0]]], [[1]], [[1]], [[1], [0]], [0], [0]);
    expect(a[0]!.map((s) => s[0])).toEqual([expect.closeTo(0.76159, 5), expect.closeTo(0.64201, 5)]);
    expect(yHat[0]![0]![0]).toBeCloseTo(0.6817, 4);
    expect(yHat[0]![1]![1]).toBeCloseTo(0.34479, 5);
  });
});
