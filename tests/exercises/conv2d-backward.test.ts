import { describe, expect, it } from "vitest";
import { conv2dBackwardReference } from "../../exercises/cnn/conv2d-backward/reference";
import { conv2dBackward } from "../../exercises/cnn/conv2d-backward/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("conv2d-backward", conv2dBackward);
describeCrossCheck("conv2d-backward");

/** A one-channel H×W matrix as an NHWC batch of one, and back. */
const image = (rows: number[][]): number[][][][] => [rows.map((row) => row.map((v) => [v]))];
const filter = (rows: number[][]): number[][][][] => rows.map((row) => row.map((v) => [[v]]));
const plainImage = (batch: number[][][][]): number[][] => batch[0]!.map((row) => row.map((pixel) => pixel[0]!));
const plainFilter = (W: number[][][][]): number[][] => W.map((row) => row.map((column) => column[0]![0]!));

describe("conv2d-backward reference", () => {
  const A = image([
    [1, 2, 0],
    [0, 1, 3],
    [2, 1, 1],
  ]);
  const W = filter([
    [1, 0],
    [-1, 2],
  ]);

  it("gives the statement's worked example ('valid', stride 1)", () => {
    const g = conv2dBackwardReference(image([[1, 2], [0, -1]]), A, W, [0.5], 1, "valid");
    expect(g.db).toEqual([2]);
    expect(plainFilter(g.dW)).toEqual([[4, -1], [1, 6]]);
    expect(plainImage(g.dA_prev)).toEqual([[1, 2, 0], [-1, -1, 4], [0, 1, -2]]);
  });

  it("gives the statement's worked example ('same', stride 2, the gradient on the padding dropped)", () => {
    const g = conv2dBackwardReference(image([[1, 0], [0, 2]]), A, W, [0.5], 2, "same");
    expect(g.db).toEqual([3]);
    expect(plainFilter(g.dW)).toEqual([[3, 2], [0, 1]]);
    expect(plainImage(g.dA_prev)).toEqual([[1, 0, 0], [-1, 2, 0], [0, 0, 2]]);
  });
});
