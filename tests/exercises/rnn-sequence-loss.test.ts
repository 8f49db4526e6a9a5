import { describe, expect, it } from "vitest";
import { sequenceLossReference } from "../../exercises/rnn/rnn-sequence-loss/reference";
import { rnnSequenceLoss } from "../../exercises/rnn/rnn-sequence-loss/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("rnn-sequence-loss", rnnSequenceLoss);
describeCrossCheck("rnn-sequence-loss");

describe("rnn-sequence-loss reference", () => {
  it("gives the statement's worked example", () => {
    const yHat = [
      [[0.5, 0.5], [0.25, 0.75]],
      [[0.125, 0.875], [0.5, 0.5]],
    ];
    const { sequenceLoss, meanLoss } = sequenceLossReference(yHat, [[0, 1], [1, 0]], [[1, 1], [1, 0]]);
    expect(sequenceLoss[0]).toBeCloseTo(Math.log(8 / 3), 5); // 0.98083
    expect(sequenceLoss[1]).toBeCloseTo(Math.log(8 / 7), 5); // 0.13353
    expect(meanLoss).toBeCloseTo(0.37145, 5);
  });

  it("ignores whatever the padding holds, even a zero probability at its label", () => {
    const real = sequenceLossReference([[[0.25, 0.75], [0.5, 0.5]]], [[1, 0]], [[1, 0]]);
    const filler = sequenceLossReference([[[0.25, 0.75], [2 ** -20, 1 - 2 ** -20]]], [[1, 0]], [[1, 0]]);
    expect(filler).toEqual(real);
  });
});
