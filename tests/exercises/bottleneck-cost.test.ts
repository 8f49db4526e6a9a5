import { describe, expect, it } from "vitest";
import reference from "../../exercises/classic-cnns/bottleneck-cost/reference";
import { bottleneckCost } from "../../exercises/classic-cnns/bottleneck-cost/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("bottleneck-cost", bottleneckCost);
describeCrossCheck("bottleneck-cost");

describe("bottleneck-cost reference", () => {
  it("gives the statement's worked example (the course's 28×28×192 → 28×28×32)", () => {
    expect(reference([28, 28, 192], 5, 32, [16, 64])).toEqual({
      directMultiplications: 120422400,
      directParameters: 153632,
      bottleneckMultiplications: [12443648, 49774592],
      bottleneckParameters: [15920, 63584],
    });
  });
});
