import { describe, expect, it } from "vitest";
import { conv3dForwardReference, type Tensor5 } from "../../exercises/cnn/conv3d-forward/reference";
import { conv3dForward } from "../../exercises/cnn/conv3d-forward/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("conv3d-forward", conv3dForward);
describeCrossCheck("conv3d-forward");

/** One-channel slices as a batch of one NDHWC volume; one-channel filter slices as [f_d, f_h, f_w, 1, 1]. */
const volume = (slices: number[][][]): Tensor5 => [slices.map((s) => s.map((row) => row.map((v) => [v])))];
const filter = (slices: number[][][]): Tensor5 => slices.map((s) => s.map((row) => row.map((v) => [[v]])));

describe("conv3d-forward reference", () => {
  const A = volume([
    [[1, 2], [0, 1]],
    [[2, 0], [1, -1]],
    [[0, 2], [3, 1]],
  ]);
  const W = filter([
    [[1, 0], [0, 1]],
    [[0, -1], [1, 0]],
  ]);

  it("gives the statement's worked example ('valid', stride 1)", () => {
    expect(conv3dForwardReference(A, W, [0.5], 1, "valid")).toEqual([[[[[3.5]]], [[[2.5]]]]]);
  });

  it("gives the statement's worked example ('same', stride 2, a slice of zeros at the back)", () => {
    expect(conv3dForwardReference(A, W, [0.5], 2, "same")).toEqual([[[[[3.5]]], [[[1.5]]]]]);
  });

  it("clamps a negative 'same' total padding at 0, as TensorFlow and tf.conv2d do (tf.conv3d 4.22 does not)", () => {
    // n = 4, f = 1, s = 2 along the depth: the raw total (2 − 1)·2 + 1 − 4 = −1 means no padding, so the outputs
    // read slices 0 and 2.
    const slices = volume([[[1]], [[2]], [[3]], [[4]]]);
    expect(conv3dForwardReference(slices, filter([[[1]]]), [0], 2, "same")).toEqual([[[[[1]]], [[[3]]]]]);
  });
});
