import { describe, expect, it } from "vitest";
import { createRng } from "../../exercises/lib/random";
import { runStackedSimpleRnn } from "../../exercises/bidirectional-deep-rnn/deep-rnn-forward/crosscheck";
import { deepRnnForward as xToEveryLayer } from "../../exercises/bidirectional-deep-rnn/deep-rnn-forward/misconceptions/x-fed-to-every-layer";
import { deepRnnReference } from "../../exercises/bidirectional-deep-rnn/deep-rnn-forward/reference";
import { deepRnnForward } from "../../exercises/bidirectional-deep-rnn/deep-rnn-forward/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("deep-rnn-forward", deepRnnForward);
describeCrossCheck("deep-rnn-forward");

describe("deep-rnn-forward reference", () => {
  it("gives the statement's worked example", () => {
    const a = deepRnnReference([[[1], [0]]], [[[1, 1]], [[1, 1]]], [[0], [0]]);
    expect(a[0]![0]!.map((s) => s[0])).toEqual([expect.closeTo(0.76159, 5), expect.closeTo(0.64201, 5)]);
    expect(a[1]![0]!.map((s) => s[0])).toEqual([expect.closeTo(0.64201, 5), expect.closeTo(0.85755, 5)]);
  });
});

describe("deep-rnn-forward convention", () => {
  it("stacked tf.layers.simpleRNN feed each layer the one below: they agree with the solution, not with x fed to every layer", () => {
    const rng = createRng(12);
    const width = 3;
    const Wa = [0, 1, 2].map(() => rng.matrix(width, 2 * width, () => rng.normal(0, 0.8)));
    const ba = [0, 1, 2].map(() => rng.vector(width, () => rng.normal(0, 0.5)));
    const x = [rng.matrix(4, width, () => rng.uniform(-1.5, 1.5)), rng.matrix(4, width, () => rng.uniform(-1.5, 1.5))];
    const fromModel = runStackedSimpleRnn(x, Wa, ba);
    const maxError = (a: number[][][][]) => Math.max(...a.flatMap((layer, l) => layer.flatMap((seq, i) => seq.flatMap((step, t) => step.map((v, j) => Math.abs(v - fromModel[l]![i]![t]![j]!))))));
    expect(maxError(deepRnnForward(x, Wa, ba).a)).toBeLessThan(1e-5);
    expect(maxError(xToEveryLayer(x, Wa, ba).a)).toBeGreaterThan(1e-2);
  });
});
