import { describe, expect, it } from "vitest";
import { tf } from "../../exercises/lib/tf";
import { createRng } from "../../exercises/lib/random";
import type { GruParams } from "../../exercises/gru/gru-cell/crosscheck";
import { runGruLayerOnBatch } from "../../exercises/gru/gru-forward/crosscheck";
import { gruForward as kerasGate } from "../../exercises/gru/gru-forward/misconceptions/keras-gate-convention";
import { gruForward as resetAfter } from "../../exercises/gru/gru-forward/misconceptions/relevance-after-matmul";
import { gruForwardReference } from "../../exercises/gru/gru-forward/reference";
import { gruForward } from "../../exercises/gru/gru-forward/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("gru-forward", gruForward);
describeCrossCheck("gru-forward");

describe("gru-forward reference", () => {
  it("gives the statement's worked example", () => {
    const c = gruForwardReference([[[1], [0]]], [[1, 1]], [0], [[0, 0]], [0], [[0, 0]], [0]);
    expect(c[0]!.map((step) => step[0])).toEqual([expect.closeTo(0.3808, 4), expect.closeTo(0.28446, 5)]);
  });
});

describe("gru-forward convention", () => {
  const rng = createRng(12);
  const nx = 2;
  const nc = 3;
  const w = () => rng.matrix(nc, nc + nx, () => rng.normal(0, 0.9));
  const b = () => rng.vector(nc, () => rng.normal(0, 0.5));
  const p: GruParams = { Wc: w(), bc: b(), Wu: w(), bu: b(), Wr: w(), br: b() };
  const x = [rng.matrix(4, nx, () => rng.uniform(-1.5, 1.5)), rng.matrix(4, nx, () => rng.uniform(-1.5, 1.5))];
  const fromLayer = runGruLayerOnBatch(p, x);
  const maxError = (c: number[][][]) => Math.max(...c.flatMap((seq, i) => seq.flatMap((step, t) => step.map((v, j) => Math.abs(v - fromLayer[i]![t]![j]!)))));

  it("tf.layers.gru (reset_after = false) agrees with the solution, not with Keras 2's reset-after candidate nor the notes’ weights read with Keras’s update-gate convention", () => {
    expect(maxError(gruForward(x, p.Wc, p.bc, p.Wu, p.bu, p.Wr, p.br).c)).toBeLessThan(1e-5);
    expect(maxError(resetAfter(x, p.Wc, p.bc, p.Wu, p.bu, p.Wr, p.br).c)).toBeGreaterThan(1e-2);
    expect(maxError(kerasGate(x, p.Wc, p.bc, p.Wu, p.bu, p.Wr, p.br).c)).toBeGreaterThan(1e-2);
  });

  it("TensorFlow.js has no reset_after = true GRU to compare with", () => {
    // Not in GRULayerArgs' type either; a config held in a variable passes the excess-property check.
    const config = { units: 2, resetAfter: true };
    expect(() => tf.layers.gru(config)).toThrow(/reset_after/);
  });
});
