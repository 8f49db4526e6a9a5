/**
 * Proves the reference's recurrence and convention: every c<t> equals `tf.layers.gru` (returnSequences,
 * initial state c<0> = 0) once the notes' weights are mapped with `gru-cell`'s `kerasGruWeights`.
 *
 * The mapping (see ../gru-cell/crosscheck.ts): Keras writes h = z·h_prev + (1 − z)·hh, so Γu = 1 − z and the
 * update-gate weights and bias are negated (1 − σ(v) = σ(−v)); gate order [z, r, h] in kernel [n_x, 3·n_c],
 * recurrentKernel [n_c, 3·n_c] and bias [3·n_c]. TensorFlow.js implements only Keras's reset_after = False GRU
 * (it throws on resetAfter: true), whose candidate is tanh(x·W_h + (r ⊙ h_prev)·U_h + b_h): Γr gates c<t−1>
 * BEFORE the matrix product, exactly the notes' Wc[Γr * c<t−1>, x<t>]. Keras 2's default reset_after = True
 * (tanh(x·W_h + b_xh + r ⊙ (h_prev·U_h + b_hh))) is the `relevance-after-matmul` misconception; the exercise's
 * test shows it disagreeing with the layer.
 */
import { onGrid } from "../../lib/parameter-sets";
import { caseSeed, createRng } from "../../lib/random";
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import { kerasGruWeights, runGruLayer, type GruParams } from "../gru-cell/crosscheck";
import { maxAbsDifference } from "../../rnn/rnn-cell-forward/crosscheck";
import { gruForwardReference } from "./reference";

/** Every c<t> of `tf.layers.gru` for x (m × T_x × n_x) from c<0> = 0, with the notes' weights mapped. */
export function runGruLayerOnBatch(p: GruParams, x: number[][][]): number[][][] {
  const nc = p.bc.length;
  const nx = x[0]![0]!.length;
  return x.map((sequence) => {
    const weights = kerasGruWeights(p, nc, nx);
    try {
      return runGruLayer(weights, sequence, new Array<number>(nc).fill(0));
    } finally {
      tf.dispose(weights);
    }
  });
}

const crossCheck: CrossCheck = (seed) => {
  const results: CrossCheckResult[] = [];
  const configs = [
    { name: "tf.layers.gru (returnSequences)", weightStd: 0.8, biasShift: 0 },
    { name: "tf.layers.gru (returnSequences), saturated gates", weightStd: 5, biasShift: 3 },
  ];
  configs.forEach((config, index) => {
    const rng = createRng(caseSeed(seed, index));
    const m = rng.int(1, 3);
    const steps = rng.int(2, 6);
    const nx = rng.int(1, 4);
    const nc = rng.int(1, 5);
    const w = () => rng.matrix(nc, nc + nx, () => onGrid(rng.normal(0, config.weightStd)));
    const b = () => rng.vector(nc, () => onGrid(rng.normal(config.biasShift, 1)));
    const p: GruParams = { Wc: w(), bc: b(), Wu: w(), bu: b(), Wr: w(), br: b() };
    const x = Array.from({ length: m }, () => rng.matrix(steps, nx, () => onGrid(rng.uniform(-1.5, 1.5))));
    const expected = gruForwardReference(x, p.Wc, p.bc, p.Wu, p.bu, p.Wr, p.br);
    const fromLayer = runGruLayerOnBatch(p, x);
    const maxAbsError = Math.max(...expected.map((sequence, i) => maxAbsDifference(sequence, fromLayer[i]!)));
    results.push({ name: `${config.name}: every c<t> (m=${m}, T_x=${steps}, n_x=${nx}, n_c=${nc})`, maxAbsError, tolerance: 1e-5 });
  });
  return results;
};

export default crossCheck;
