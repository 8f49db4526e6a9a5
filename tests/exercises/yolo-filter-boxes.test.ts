import { describe, expect, it } from "vitest";
import reference from "../../exercises/object-detection/yolo-filter-boxes/reference";
import { yoloFilterBoxes } from "../../exercises/object-detection/yolo-filter-boxes/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("yolo-filter-boxes", yoloFilterBoxes);

describe("yolo-filter-boxes reference", () => {
  it("gives the statement's worked example", () => {
    const boxConfidence = [[[0.75, 0.5], [0.875, 0.25]]];
    const boxes = [[[[0.125, 0.25, 0.375, 0.75], [0, 0.125, 0.5, 0.375]], [[0.5, 0.25, 0.875, 0.625], [0.625, 0, 0.75, 0.5]]]];
    const probs = [[[[0.25, 0.625, 0.125], [0.875, 0.125, 0]], [[0.125, 0.125, 0.75], [0.5, 0.25, 0.25]]]];
    expect(reference(boxConfidence, boxes, probs, 0.45)).toEqual({
      boxes: [[0.125, 0.25, 0.375, 0.75], [0.5, 0.25, 0.875, 0.625]],
      scores: [0.46875, 0.65625],
      classes: [1, 2],
    });
  });

  it("keeps a score equal to the threshold, breaks a class tie by the smaller index, and returns empty arrays when nothing passes", () => {
    const box = [[[[0, 0, 0.5, 0.5]]]];
    expect(reference([[[0.5]]], box, [[[[0.25, 0.375, 0.375]]]], 0.1875)).toEqual({ boxes: [[0, 0, 0.5, 0.5]], scores: [0.1875], classes: [1] });
    expect(reference([[[0.5]]], box, [[[[0.25, 0.375, 0.375]]]], 0.25)).toEqual({ boxes: [], scores: [], classes: [] });
  });
});
