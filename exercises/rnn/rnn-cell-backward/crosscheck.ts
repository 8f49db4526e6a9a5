/**
 * Proves the reference's gradients against Keras's own step: `tf.layers.simpleRNNCell` (tanh; the cell that
 * `tf.layers.simpleRNN` runs at every step) from the state a<t−1>, with kernel W_axᵀ, recurrentKernel W_aaᵀ and
 * bias b_a, differentiated with tf.grads (input and state) and tf.variableGrads (the cell's weights) for
 * J = Σ daNext ⊙ a<t>. Keras multiplies row vectors from the right, so its kernel gradients are the transposes of
 * dW_ax and dW_aa.
 */
import { tf } from "../../lib/tf";
import { caseSeed, createRng } from "../../lib/random";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import { maxAbsDifference, transpose } from "../rnn-cell-forward/crosscheck";
import { rnnCellBackwardReference, type CellGradients } from "./reference";

function layerGradients(daNext: number[][], xt: number[][], aPrev: number[][], Waa: number[][], Wax: number[][], ba: number[]): CellGradients {
  const na = ba.length;
  const nx = Wax[0]!.length;
  // The layer's own step (SimpleRNNCell), called directly: differentiating through tf.layers.simpleRNN's time loop
  // fails inside tfjs (the gradient of its unstack over time), and the cell is the same computation.
  const cell = tf.layers.simpleRNNCell({ units: na, activation: "tanh" });
  try {
    cell.build([xt.length, nx]);
    cell.setWeights([tf.tensor2d(transpose(Wax), [nx, na]), tf.tensor2d(transpose(Waa), [na, na]), tf.tensor1d(ba)]);
    return tf.tidy(() => {
      const input = tf.tensor2d(xt, [xt.length, nx]);
      const state = tf.tensor2d(aPrev, [aPrev.length, na]);
      const upstream = tf.tensor2d(daNext);
      const objective = (x: tf.Tensor, s: tf.Tensor): tf.Scalar => tf.sum(tf.mul((cell.call([x, s], {}) as tf.Tensor[])[0]!, upstream));
      const [dInput, dState] = tf.grads(objective)([input, state]);
      const [kernel, recurrentKernel, bias] = cell.trainableWeights.map((w) => w.read() as tf.Variable);
      const { grads } = tf.variableGrads(() => objective(input, state), [kernel!, recurrentKernel!, bias!]);
      return {
        dxt: dInput!.arraySync() as number[][],
        daPrev: dState!.arraySync() as number[][],
        dWax: transpose(grads[kernel!.name]!.arraySync() as number[][]),
        dWaa: transpose(grads[recurrentKernel!.name]!.arraySync() as number[][]),
        dba: grads[bias!.name]!.arraySync() as number[],
      };
    });
  } finally {
    // Layer.dispose() refuses a cell that was never apply()'d; its weights are all it holds.
    for (const weight of cell.weights) weight.dispose();
  }
}

const crossCheck: CrossCheck = (seed) => {
  const results: CrossCheckResult[] = [];
  [0, 1].forEach((index) => {
    const rng = createRng(caseSeed(seed, index));
    const grid = (std: number) => () => Math.round(rng.normal(0, std) * 64) / 64;
    const m = rng.int(1, 3);
    const nx = rng.int(1, 4);
    const na = rng.int(1, 5);
    const std = index === 0 ? 0.6 : 1.5;
    const Waa = rng.matrix(na, na, grid(std));
    const Wax = rng.matrix(na, nx, grid(std));
    const ba = rng.vector(na, grid(0.5));
    const xt = rng.matrix(m, nx, grid(1));
    const aPrev = rng.matrix(m, na, () => Math.round(rng.uniform(-1, 1) * 64) / 64);
    const daNext = rng.matrix(m, na, grid(1));
    const expected = rnnCellBackwardReference(daNext, xt, aPrev, Waa, Wax, ba);
    const fromLayer = layerGradients(daNext, xt, aPrev, Waa, Wax, ba);
    const label = `m=${m}, n_x=${nx}, n_a=${na}${index === 1 ? ", large weights" : ""}`;
    for (const key of ["dxt", "daPrev", "dWax", "dWaa"] as const) {
      results.push({ name: `tf.layers.simpleRNNCell gradients: ${key} (${label})`, maxAbsError: maxAbsDifference(expected[key], fromLayer[key]), tolerance: 1e-5 });
    }
    results.push({ name: `tf.layers.simpleRNNCell gradients: dba (${label})`, maxAbsError: maxAbsDifference([expected.dba], [fromLayer.dba]), tolerance: 1e-5 });
  });
  return results;
};

export default crossCheck;
