import { describe, expect, it } from "vitest";
import { rnnCellBackwardReference } from "../../exercises/rnn/rnn-cell-backward/reference";
import { rnnCellBackward } from "../../exercises/rnn/rnn-cell-backward/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("rnn-cell-backward", rnnCellBackward);
describeCrossCheck("rnn-cell-backward");

describe("rnn-cell-backward reference", () => {
  it("gives the statement's worked example", () => {
    const g = rnnCellBackwardReference([[1], [2]], [[1], [0]], [[0.5], [0.25]], [[2]], [[-1]], [0]);
    const dz2 = 2 * (1 - Math.tanh(0.5) ** 2); // 1.57290
    expect(g.dxt.map((row) => row[0])).toEqual([expect.closeTo(-1, 6), expect.closeTo(-dz2, 5)]);
    expect(g.daPrev.map((row) => row[0])).toEqual([expect.closeTo(2, 6), expect.closeTo(2 * dz2, 5)]);
    expect(g.dWax[0]![0]).toBeCloseTo(1, 6);
    expect(g.dWaa[0]![0]).toBeCloseTo(0.89322, 5);
    expect(g.dba[0]).toBeCloseTo(2.5729, 4);
  });
});
