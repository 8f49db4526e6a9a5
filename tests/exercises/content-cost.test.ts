import { describe, expect, it } from "vitest";
import reference from "../../exercises/neural-style-transfer/content-cost/reference";
import { contentCost } from "../../exercises/neural-style-transfer/content-cost/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("content-cost", contentCost);

describe("content-cost reference", () => {
  it("gives the statement's worked example", () => {
    expect(reference([[[[1, 2], [0, 1]]]], [[[[1, 0], [1, 1]]]])).toBe(5 / 16);
  });

  it("rejects activations of different shapes", () => {
    expect(() => reference([[[[1, 2]]]], [[[[1], [2]]]])).toThrow(/shapes/);
  });
});
