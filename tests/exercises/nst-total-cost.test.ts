import { describe, expect, it } from "vitest";
import reference from "../../exercises/neural-style-transfer/nst-total-cost/reference";
import { totalCost } from "../../exercises/neural-style-transfer/nst-total-cost/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("nst-total-cost", totalCost);

describe("nst-total-cost reference", () => {
  it("gives the statement's worked example", () => {
    const out = reference(
      { a_C: [[[[1, 2], [0, 1]]]], a_G: [[[[1, 0], [1, 1]]]] },
      [
        { a_S: [[[[1, 1], [1, 0]]]], a_G: [[[[2, 0], [0, 1]]]], lambda: 0.5 },
        { a_S: [[[[2]]]], a_G: [[[[1]]]], lambda: 0.25 },
      ],
      10,
      40,
    );
    expect(out).toEqual({ J_content: 5 / 16, J_style: 39 / 64, J: 27.5 });
  });
});
