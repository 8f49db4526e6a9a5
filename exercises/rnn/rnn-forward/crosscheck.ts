/**
 * Proves the reference's recurrence: every a<t> equals `tf.layers.simpleRNN` (tanh, returnSequences, initial
 * state a<0> = 0) with kernel W_axᵀ, recurrentKernel W_aaᵀ and bias b_a, and every ŷ<t> equals a
 * softmax `tf.layers.dense` (kernel W_yaᵀ) applied to the layer's a<t>.
 */
import { caseSeed, createRng } from "../../lib/random";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import { maxAbsDifference, runSimpleRnnLayer, runSoftmaxDense } from "../rnn-cell-forward/crosscheck";
import { rnnForwardReference } from "./reference";

const crossCheck: CrossCheck = (seed) => {
  const results: CrossCheckResult[] = [];
  [0, 1].forEach((index) => {
    const rng = createRng(caseSeed(seed, index));
    const grid = (std: number) => () => Math.round(rng.normal(0, std) * 64) / 64;
    const m = rng.int(1, 3);
    const steps = rng.int(2, 6);
    const nx = rng.int(1, 4);
    const na = rng.int(1, 5);
    const ny = rng.int(2, 4);
    const std = index === 0 ? 0.6 : 2;
    const Waa = rng.matrix(na, na, grid(std));
    const Wax = rng.matrix(na, nx, grid(std));
    const Wya = rng.matrix(ny, na, grid(std));
    const ba = rng.vector(na, grid(0.5));
    const by = rng.vector(ny, grid(0.5));
    const x = Array.from({ length: m }, () => rng.matrix(steps, nx, grid(1)));
    const expected = rnnForwardReference(x, Waa, Wax, Wya, ba, by);
    const zeros = Array.from({ length: m }, () => new Array<number>(na).fill(0));
    const fromLayer = runSimpleRnnLayer(Waa, Wax, ba, x, zeros);
    const label = `m=${m}, T_x=${steps}, n_x=${nx}, n_a=${na}, n_y=${ny}${index === 1 ? ", large weights" : ""}`;
    const aError = Math.max(...expected.a.map((seq, i) => maxAbsDifference(seq, fromLayer[i]!)));
    const yError = Math.max(...expected.yHat.map((seq, i) => maxAbsDifference(seq, runSoftmaxDense(Wya, by, fromLayer[i]!))));
    results.push({ name: `tf.layers.simpleRNN (returnSequences): every a<t> (${label})`, maxAbsError: aError, tolerance: 1e-5 });
    results.push({ name: `tf.layers.dense softmax on the layer's a<t>: every ŷ<t> (${label})`, maxAbsError: yError, tolerance: 1e-5 });
  });
  return results;
};

export default crossCheck;
