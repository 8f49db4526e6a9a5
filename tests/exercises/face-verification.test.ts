import { describe, expect, it } from "vitest";
import reference from "../../exercises/face-recognition/face-verification/reference";
import { faceVerification } from "../../exercises/face-recognition/face-verification/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("face-verification", faceVerification);

describe("face-verification reference", () => {
  it("gives the statement's worked example", () => {
    expect(reference([[0, 0], [1, 1], [2, 0]], [[1, 0.5], [3, 3]], 0.5)).toEqual({
      distances: [[1.25, 0.25, 1.25], [18, 8, 10]],
      same: [[false, true, false], [false, false, false]],
      identity: [1, -1],
    });
  });

  it("breaks a tie for the nearest photo by the smaller index, as argmin does", () => {
    const out = reference([[5, 5], [1, 0], [-1, 0]], [[0, 0]], 2) as { identity: number[] };
    expect(out.identity).toEqual([1]);
  });
});
