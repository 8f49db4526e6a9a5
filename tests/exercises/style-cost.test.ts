import { describe, expect, it } from "vitest";
import reference from "../../exercises/neural-style-transfer/style-cost/reference";
import { layerStyleCost } from "../../exercises/neural-style-transfer/style-cost/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("style-cost", layerStyleCost);

describe("style-cost reference", () => {
  it("gives the statement's worked example", () => {
    expect(reference([[[[1, 1], [1, 0]]]], [[[[2, 0], [0, 1]]]])).toBe(6 / 64);
  });

  it("is 0 when G's activation holds S's pixels at other positions", () => {
    expect(reference([[[[1, 2], [0, 1]], [[1, 3], [2, 0]]]], [[[[2, 0], [1, 3]], [[0, 1], [1, 2]]]])).toBe(0);
  });
});
