import { describe, expect, it } from "vitest";
import { maxAbsDifference, tfOneHot } from "../../exercises/rnn/one-hot-encode/crosscheck";
import { oneHotReference } from "../../exercises/rnn/one-hot-encode/reference";
import { oneHotEncode } from "../../exercises/rnn/one-hot-encode/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("one-hot-encode", oneHotEncode);
describeCrossCheck("one-hot-encode");

describe("one-hot-encode convention", () => {
  it("tf.oneHot alone gives an all-zero row for an out-of-vocabulary id; the <unk> mapping is what makes them agree", () => {
    const ids = [[3, 1, 7, -1]];
    const raw = tfOneHot(ids, 5, 4, false);
    expect(raw[0]![2]).toEqual([0, 0, 0, 0, 0]);
    expect(raw[0]![3]).toEqual([0, 0, 0, 0, 0]);
    expect(maxAbsDifference(oneHotReference(ids, 5, 4), raw)).toBe(1);
    expect(maxAbsDifference(oneHotReference(ids, 5, 4), tfOneHot(ids, 5, 4))).toBe(0);
  });

  it("encodes the statement's worked example", () => {
    expect(oneHotReference([[3, 1, 7]], 5, 4)).toEqual([[[0, 0, 0, 1, 0], [0, 1, 0, 0, 0], [0, 0, 0, 0, 1]]]);
  });
});
