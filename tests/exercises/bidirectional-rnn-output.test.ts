import { describe, expect, it } from "vitest";
import { createRng } from "../../exercises/lib/random";
import { runBidirectionalSimpleRnn, type SimpleRnnWeights } from "../../exercises/bidirectional-deep-rnn/bidirectional-rnn-output/crosscheck";
import { bidirectionalRnnOutput as notReReversed } from "../../exercises/bidirectional-deep-rnn/bidirectional-rnn-output/misconceptions/backward-not-re-reversed";
import { bidirectionalReference } from "../../exercises/bidirectional-deep-rnn/bidirectional-rnn-output/reference";
import { bidirectionalRnnOutput } from "../../exercises/bidirectional-deep-rnn/bidirectional-rnn-output/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("bidirectional-rnn-output", bidirectionalRnnOutput);
describeCrossCheck("bidirectional-rnn-output");

describe("bidirectional-rnn-output reference", () => {
  it("gives the statement's worked example", () => {
    const { aForward, aBackward, yHat } = bidirectionalReference([[[1], [0]]], [[1]], [[1]], [0], [[1]], [[1]], [0], [[1, 0], [0, 1]], [0, 0]);
    expect(aForward[0]!.map((s) => s[0])).toEqual([expect.closeTo(0.76159, 5), expect.closeTo(0.64201, 5)]);
    expect(aBackward[0]!.map((s) => s[0])).toEqual([expect.closeTo(0.76159, 5), 0]);
    expect(yHat[0]![0]).toEqual([expect.closeTo(0.5, 6), expect.closeTo(0.5, 6)]);
    expect(yHat[0]![1]![0]).toBeCloseTo(0.65521, 5);
  });
});

describe("bidirectional-rnn-output convention", () => {
  it("tf.layers.bidirectional puts a←<t> at its own t, after a→<t>; backward states left in the order computed disagree", () => {
    const rng = createRng(12);
    const na = 2;
    const nx = 3;
    const rnn = (): SimpleRnnWeights => ({ Waa: rng.matrix(na, na, () => rng.normal(0, 0.8)), Wax: rng.matrix(na, nx, () => rng.normal(0, 0.8)), ba: rng.vector(na, () => rng.normal(0, 0.5)) });
    const f = rnn();
    const b = rnn();
    const Wy = rng.matrix(2, 2 * na, () => rng.normal(0, 0.8));
    const x = [rng.matrix(4, nx, () => rng.uniform(-1.5, 1.5))];
    const layer = runBidirectionalSimpleRnn(f, b, x)[0]!;
    const by: number[] = [0, 0];
    const args = [x, f.Waa, f.Wax, f.ba, b.Waa, b.Wax, b.ba, Wy, by] as const;
    const backwardError = (aBackward: number[][][]) => Math.max(...aBackward[0]!.flatMap((step, t) => step.map((v, j) => Math.abs(v - layer[t]![na + j]!))));
    expect(backwardError(bidirectionalRnnOutput(...args).aBackward)).toBeLessThan(1e-5);
    expect(backwardError(notReReversed(...args).aBackward)).toBeGreaterThan(1e-2);
  });
});
