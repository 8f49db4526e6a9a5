import { describe, expect, it } from "vitest";
import { tf } from "../../exercises/lib/tf";
import { createRng } from "../../exercises/lib/random";
import { kerasLstmWeights, runLstmLayer, type LstmParams } from "../../exercises/lstm/lstm-cell/crosscheck";
import { lstmCell as notesSlip } from "../../exercises/lstm/lstm-cell/misconceptions/omitted-tanh-on-c";
import { lstmCell } from "../../exercises/lstm/lstm-cell/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("lstm-cell", lstmCell);
describeCrossCheck("lstm-cell");

describe("lstm-cell convention", () => {
  it("tf.layers.lstm squashes c<t> with tanh: it agrees with the solution and not with the notes' a<t> = Γo × c<t>", () => {
    const rng = createRng(7);
    const nx = 2;
    const na = 3;
    const w = () => rng.matrix(na, na + nx, () => rng.normal(0, 0.8));
    const b = () => rng.vector(na, () => rng.normal(0, 0.5));
    const p: LstmParams = { Wc: w(), bc: b(), Wu: w(), bu: b(), Wf: w(), bf: b(), Wo: w(), bo: b() };
    const x = rng.vector(nx, () => rng.uniform(-1.5, 1.5));
    const a0 = rng.vector(na, () => rng.uniform(-0.9, 0.9));
    const c0 = [2.5, -3, 1.8];

    const weights = kerasLstmWeights(p, na, nx);
    const fromLayer = runLstmLayer(weights, [x], a0, c0).as[0]!;
    tf.dispose(weights);
    const args = [x, a0, c0, p.Wc, p.bc, p.Wu, p.bu, p.Wf, p.bf, p.Wo, p.bo] as const;
    const maxError = (a: number[]) => Math.max(...a.map((v, i) => Math.abs(v - fromLayer[i]!)));
    expect(maxError(lstmCell(...args).aNext)).toBeLessThan(1e-5);
    expect(maxError(notesSlip(...args).aNext)).toBeGreaterThan(1e-2);
  });
});
