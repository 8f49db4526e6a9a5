import { describe, expect, it } from "vitest";
import { tfNonMaxSuppression } from "../../exercises/object-detection/non-max-suppression/crosscheck";
import reference from "../../exercises/object-detection/non-max-suppression/reference";
import { nonMaxSuppression } from "../../exercises/object-detection/non-max-suppression/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("non-max-suppression", nonMaxSuppression);
describeCrossCheck("non-max-suppression");

describe("non-max-suppression reference", () => {
  const boxes = [
    [1, 0, 5, 4],
    [0, 0, 4, 4],
    [6, 0, 8, 2],
    [2, 0, 6, 4],
  ];
  const scores = [0.5, 0.875, 0.625, 0.25];

  it("gives the statement's worked example", () => {
    expect(reference(boxes, scores, 3, 0.5, 0)).toEqual([1, 2, 3]);
    expect(reference(boxes, scores, 2, 0.5, 0)).toEqual([1, 2]);
  });

  it("suppresses at IoU exactly equal to the threshold, keeps a score tie's smaller index, and drops a score at scoreThreshold, as TensorFlow does", () => {
    const pair = [
      [0, 0, 3, 1],
      [1, 0, 4, 1],
    ];
    for (const nms of [reference, tfNonMaxSuppression] as ((...a: never[]) => unknown)[]) {
      const run = nms as (b: number[][], s: number[], m: number, t: number, st: number) => number[];
      expect(run(pair, [0.25, 0.75], 2, 0.5, 0)).toEqual([1]); // IoU 2/4 = 0.5 exactly
      expect(run(pair, [0.25, 0.75], 2, 0.5 + 2 ** -20, 0)).toEqual([1, 0]);
      expect(run(pair, [0.5, 0.5], 2, 0.5, 0)).toEqual([0]);
      expect(run(pair, [0.5, 0.75], 2, 0.75, 0.5)).toEqual([1]);
    }
  });
});
