import { describe, expect, it } from "vitest";
import reference from "../../exercises/attention/positional-encoding/reference";
import { positionalEncoding } from "../../exercises/attention/positional-encoding/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("positional-encoding", positionalEncoding);

describe("positional-encoding reference", () => {
  it("gives the statement's worked example", () => {
    const { P, output } = reference([[0.5, 0, 0, 0, 0], [0, 0, 0, 0, 0]]) as { P: number[][]; output: number[][] };
    [0, 1, 0, 1, 0].forEach((v, j) => expect(P[0]![j]).toBeCloseTo(v, 7));
    [Math.sin(1), Math.cos(1), 0.025116222909773774, 0.9996845379152098, 0.0006309573026154199].forEach((v, j) => expect(P[1]![j]).toBeCloseTo(v, 6));
    [0.5, 1, 0, 1, 0].forEach((v, j) => expect(output[0]![j]).toBeCloseTo(v, 7));
  });

  it("resolves large angles: position 1000 agrees with float64 to 1e-6 although a float32 angle near 1000 may be off by 3e-5", () => {
    const { P } = reference(Array.from({ length: 1001 }, () => new Array<number>(8).fill(0))) as { P: number[][] };
    const row = P[1000]!;
    const expected = Array.from({ length: 8 }, (_, j) => {
      const angle = 1000 / Math.pow(10000, (j - (j % 2)) / 8);
      return j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    });
    expected.forEach((v, j) => expect(Math.abs(row[j]! - v)).toBeLessThan(1e-6));
  });
});
