import { describe, expect, it } from "vitest";
import { createRng } from "../../exercises/lib/random";
import type { LstmParams } from "../../exercises/lstm/lstm-cell/crosscheck";
import { runLstmLayerOnBatch } from "../../exercises/lstm/lstm-forward/crosscheck";
import { lstmForward as notesSlip } from "../../exercises/lstm/lstm-forward/misconceptions/omitted-tanh-on-c";
import { lstmForwardReference } from "../../exercises/lstm/lstm-forward/reference";
import { lstmForward } from "../../exercises/lstm/lstm-forward/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("lstm-forward", lstmForward);
describeCrossCheck("lstm-forward");

describe("lstm-forward reference", () => {
  it("gives the statement's worked example", () => {
    const zeros = [[0, 0]];
    const { a, cLast } = lstmForwardReference([[[1], [1]]], [[1, 1]], [0], zeros, [0], zeros, [0], zeros, [0]);
    expect(a[0]!.map((step) => step[0])).toEqual([expect.closeTo(0.1817, 4), expect.closeTo(0.27008, 5)]);
    expect(cLast[0]![0]).toBeCloseTo(0.60439, 5);
  });
});

describe("lstm-forward convention", () => {
  it("tf.layers.lstm over a sequence whose memory outgrows ±1 agrees with the solution, not with the notes' a<t> = Γo × c<t>", () => {
    const rng = createRng(12);
    const nx = 2;
    const na = 3;
    const w = () => rng.matrix(na, na + nx, () => rng.normal(0, 0.5));
    const b = (shift: number) => rng.vector(na, () => rng.normal(shift, 0.3));
    const p: LstmParams = { Wc: w(), bc: b(2), Wu: w(), bu: b(6), Wf: w(), bf: b(6), Wo: w(), bo: b(0) };
    const x = [rng.matrix(5, nx, () => rng.uniform(-1, 1))];
    const fromLayer = runLstmLayerOnBatch(p, x);
    const args = [x, p.Wc, p.bc, p.Wu, p.bu, p.Wf, p.bf, p.Wo, p.bo] as const;
    const maxError = (a: number[][][]) => Math.max(...a[0]!.flatMap((step, t) => step.map((v, j) => Math.abs(v - fromLayer.a[0]![t]![j]!))));
    expect(Math.max(...fromLayer.cLast[0]!.map(Math.abs))).toBeGreaterThan(1.5);
    expect(maxError(lstmForward(...args).a)).toBeLessThan(1e-5);
    expect(maxError(notesSlip(...args).a)).toBeGreaterThan(1e-1);
  });
});
