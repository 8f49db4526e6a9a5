import { describe, expect, it } from "vitest";
import { tf } from "../../exercises/lib/tf";
import { createRng } from "../../exercises/lib/random";
import { kerasGruWeights, runGruLayer, type GruParams } from "../../exercises/gru/gru-cell/crosscheck";
import { gruStep } from "../../exercises/gru/gru-cell/reference";
import { gruCell } from "../../exercises/gru/gru-cell/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("gru-cell", gruCell);
describeCrossCheck("gru-cell");

describe("gru-cell convention", () => {
  it("differs from Keras's: copying the update gate without negating it disagrees with tf.layers.gru", () => {
    const rng = createRng(11);
    const nx = 3;
    const nc = 4;
    const w = () => rng.matrix(nc, nc + nx, () => rng.normal(0, 0.8));
    const b = () => rng.vector(nc, () => rng.normal(0, 0.5));
    const params: GruParams = { Wc: w(), bc: b(), Wu: w(), bu: b(), Wr: w(), br: b() };
    const xs = rng.matrix(3, nx, () => rng.uniform(-1.5, 1.5));
    const c0 = rng.vector(nc, () => rng.uniform(-1, 1));

    const maxError = (negateUpdateGate: boolean): number => {
      const weights = kerasGruWeights(params, nc, nx, negateUpdateGate);
      const fromLayer = runGruLayer(weights, xs, c0);
      tf.dispose(weights);
      let c = c0;
      let error = 0;
      xs.forEach((x, t) => {
        c = gruStep(x, c, params.Wc, params.bc, params.Wu, params.bu, params.Wr, params.br).cNext;
        c.forEach((v, i) => (error = Math.max(error, Math.abs(v - fromLayer[t]![i]!))));
      });
      return error;
    };
    expect(maxError(true)).toBeLessThan(1e-5);
    expect(maxError(false)).toBeGreaterThan(1e-2);
  });
});
