import { describe, expect, it } from "vitest";
import reference from "../../exercises/neural-style-transfer/gram-matrix/reference";
import { gramMatrix } from "../../exercises/neural-style-transfer/gram-matrix/solution";
import { gramMatrix as withoutTranspose } from "../../exercises/neural-style-transfer/gram-matrix/misconceptions/unrolled-without-transpose";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("gram-matrix", gramMatrix);
describeCrossCheck("gram-matrix");

describe("gram-matrix reference", () => {
  const a = [[[[1, 2], [0, 1]], [[1, 3], [2, 0]]]];

  it("gives the statement's worked example", () => {
    expect(reference(a)).toEqual([
      [6, 5],
      [5, 14],
    ]);
  });

  it("differs from reshaping the NHWC array straight to [n_C, n_H·n_W], as the statement shows", () => {
    expect(withoutTranspose(a)).toEqual([
      [6, 7],
      [7, 14],
    ]);
  });
});
