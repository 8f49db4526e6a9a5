import { describe, expect, it } from "vitest";
import reference from "../../exercises/object-detection/anchor-box-decode/reference";
import { decodeAnchorBoxes } from "../../exercises/object-detection/anchor-box-decode/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("anchor-box-decode", decodeAnchorBoxes);

describe("anchor-box-decode reference", () => {
  it("gives the statement's worked example (row 1, column 2 of a 2 × 4 grid)", () => {
    const t = Array.from({ length: 2 }, () => Array.from({ length: 4 }, () => [[0, 0, Math.LN2, 0]]));
    const out = reference(t, [[1, 1]]) as number[][][][];
    [0.375, 0.5, 0.875, 1].forEach((v, k) => expect(out[1]![2]![0]![k]).toBeCloseTo(v, 6));
    const right = reference([[[[2, 0, 0, 0]]]], [[1, 1]]) as number[][][][];
    expect((right[0]![0]![0]![0]! + right[0]![0]![0]![2]!) / 2).toBeCloseTo(1 / (1 + Math.exp(-2)), 6);
  });
});
