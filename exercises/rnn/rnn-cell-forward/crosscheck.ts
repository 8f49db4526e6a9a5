/**
 * Proves the reference's convention against Keras-style layers: a<t> equals one step of
 * `tf.layers.simpleRNN` (tanh) started from a<t−1>, and ŷ<t> equals `tf.layers.dense` with a softmax, once the
 * notes' weights are mapped. Keras multiplies row vectors from the right, so its kernel is W_axᵀ
 * ([n_x, n_a]), its recurrentKernel W_aaᵀ ([n_a, n_a]) and the dense kernel W_yaᵀ ([n_a, n_y]).
 */
import { tf } from "../../lib/tf";
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import reference from "./reference";

export const transpose = (W: number[][]): number[][] => W[0]!.map((_, j) => W.map((row) => row[j]!));

/**
 * Every a<t> of `tf.layers.simpleRNN` with the notes' W_aa, W_ax, b_a, for inputs xs (m × T_x × n_x) and
 * the initial activation a0 (m × n_a); returns m × T_x × n_a.
 */
export function runSimpleRnnLayer(Waa: number[][], Wax: number[][], ba: number[], xs: number[][][], a0: number[][]): number[][][] {
  const na = ba.length;
  const nx = Wax[0]!.length;
  const layer = tf.layers.simpleRNN({ units: na, activation: "tanh", returnSequences: true });
  try {
    return tf.tidy(() => {
      const input = tf.tensor3d(xs, [xs.length, xs[0]!.length, nx]);
      const initialState = [tf.tensor2d(a0, [a0.length, na])];
      layer.apply(input, { initialState }); // builds the weights (calling build() ourselves would duplicate them)
      layer.setWeights([tf.tensor2d(transpose(Wax), [nx, na]), tf.tensor2d(transpose(Waa), [na, na]), tf.tensor1d(ba)]);
      return (layer.apply(input, { initialState }) as tf.Tensor).arraySync() as number[][][];
    });
  } finally {
    layer.dispose();
  }
}

/** softmax(a W_yaᵀ + b_y) row by row through `tf.layers.dense`. */
export function runSoftmaxDense(Wya: number[][], by: number[], a: number[][]): number[][] {
  const layer = tf.layers.dense({ units: by.length, activation: "softmax" });
  try {
    return tf.tidy(() => {
      const input = tf.tensor2d(a);
      layer.apply(input);
      layer.setWeights([tf.tensor2d(transpose(Wya)), tf.tensor1d(by)]);
      return (layer.apply(input) as tf.Tensor).arraySync() as number[][];
    });
  } finally {
    layer.dispose();
  }
}

export function maxAbsDifference(a: number[][], b: number[][]): number {
  return Math.max(...a.flatMap((row, i) => row.map((v, j) => Math.abs(v - b[i]![j]!))));
}

const gridded = (rng: Rng, std: number) => () => Math.round(rng.normal(0, std) * 64) / 64;

const crossCheck: CrossCheck = (seed) => {
  const results: CrossCheckResult[] = [];
  [0, 1].forEach((index) => {
    const rng = createRng(caseSeed(seed, index));
    const m = rng.int(1, 3);
    const nx = rng.int(1, 4);
    const na = rng.int(1, 5);
    const ny = rng.int(2, 4);
    const std = index === 0 ? 0.7 : 3;
    const Waa = rng.matrix(na, na, gridded(rng, std));
    const Wax = rng.matrix(na, nx, gridded(rng, std));
    const Wya = rng.matrix(ny, na, gridded(rng, std));
    const ba = rng.vector(na, gridded(rng, 0.5));
    const by = rng.vector(ny, gridded(rng, 0.5));
    const xt = rng.matrix(m, nx, gridded(rng, 1));
    const aPrev = rng.matrix(m, na, () => Math.round(rng.uniform(-1, 1) * 64) / 64);
    const expected = reference(xt, aPrev, Waa, Wax, Wya, ba, by) as { aNext: number[][]; yHat: number[][] };
    const fromRnn = runSimpleRnnLayer(Waa, Wax, ba, xt.map((x) => [x]), aPrev).map((steps) => steps[0]!);
    const fromDense = runSoftmaxDense(Wya, by, expected.aNext);
    const label = `m=${m}, n_x=${nx}, n_a=${na}, n_y=${ny}${index === 1 ? ", large weights" : ""}`;
    results.push({ name: `tf.layers.simpleRNN, one step: a<t> (${label})`, maxAbsError: maxAbsDifference(expected.aNext, fromRnn), tolerance: 1e-5 });
    results.push({ name: `tf.layers.dense softmax: ŷ<t> (${label})`, maxAbsError: maxAbsDifference(expected.yHat, fromDense), tolerance: 1e-5 });
  });
  return results;
};

export default crossCheck;
