import { describe, expect, it } from "vitest";
import reference from "../../exercises/face-recognition/triplet-loss/reference";
import { tripletLoss } from "../../exercises/face-recognition/triplet-loss/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("triplet-loss", tripletLoss);

describe("triplet-loss reference", () => {
  it("gives the statement's worked example", () => {
    const J = reference([[0, 0], [1, 1]], [[1, 1], [1, 1.5]], [[0, 1], [-1, 1]], 0.2) as number;
    expect(J).toBeCloseTo(1.2, 6);
  });
});
