/**
 * Proves the reference's alignment and concatenation order: `tf.layers.bidirectional` (mergeMode "concat")
 * wrapping `tf.layers.simpleRNN` (tanh, returnSequences) returns, at step t, [a→<t>, a←<t>] — Keras runs the
 * backward copy over the reversed sequence and reverses its outputs back, so a←<t> sits at its own t, after
 * a→<t>. Its weights are the forward layer's [kernel W_ax→ᵀ, recurrentKernel W_aa→ᵀ, bias b_a→] followed by
 * the backward layer's. A softmax `tf.layers.dense` (kernel W_yᵀ) on that output gives every ŷ<t>.
 */
import { onGrid } from "../../lib/parameter-sets";
import { caseSeed, createRng } from "../../lib/random";
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import { maxAbsDifference, runSoftmaxDense, transpose } from "../../rnn/rnn-cell-forward/crosscheck";
import { bidirectionalReference } from "./reference";

export interface SimpleRnnWeights {
  Waa: number[][];
  Wax: number[][];
  ba: number[];
}

/** The output of `tf.layers.bidirectional(simpleRNN, "concat")` for x (m × T_x × n_x): m × T_x × 2n_a. */
export function runBidirectionalSimpleRnn(forward: SimpleRnnWeights, backward: SimpleRnnWeights, x: number[][][]): number[][][] {
  const na = forward.ba.length;
  const nx = forward.Wax[0]!.length;
  const layer = tf.layers.bidirectional({
    layer: tf.layers.simpleRNN({ units: na, activation: "tanh", returnSequences: true }),
    mergeMode: "concat",
  });
  const keras = (w: SimpleRnnWeights) => [tf.tensor2d(transpose(w.Wax), [nx, na]), tf.tensor2d(transpose(w.Waa), [na, na]), tf.tensor1d(w.ba)];
  try {
    return tf.tidy(() => {
      const input = tf.tensor3d(x, [x.length, x[0]!.length, nx]);
      layer.apply(input); // builds the weights (calling build() ourselves would duplicate them)
      layer.setWeights([...keras(forward), ...keras(backward)]);
      return (layer.apply(input) as tf.Tensor).arraySync() as number[][][];
    });
  } finally {
    layer.dispose();
  }
}

const crossCheck: CrossCheck = (seed) => {
  const results: CrossCheckResult[] = [];
  [0, 1].forEach((index) => {
    const rng = createRng(caseSeed(seed, index));
    const grid = (std: number) => () => onGrid(rng.normal(0, std));
    const m = rng.int(1, 3);
    const steps = rng.int(2, 6);
    const nx = rng.int(1, 4);
    const na = rng.int(1, 4);
    const ny = rng.int(2, 4);
    const std = index === 0 ? 0.7 : 2;
    const rnn = (): SimpleRnnWeights => ({ Waa: rng.matrix(na, na, grid(std)), Wax: rng.matrix(na, nx, grid(std)), ba: rng.vector(na, grid(0.5)) });
    const f = rnn();
    const b = rnn();
    const Wy = rng.matrix(ny, 2 * na, grid(std));
    const by = rng.vector(ny, grid(0.5));
    const x = Array.from({ length: m }, () => rng.matrix(steps, nx, grid(1)));
    const expected = bidirectionalReference(x, f.Waa, f.Wax, f.ba, b.Waa, b.Wax, b.ba, Wy, by);
    const fromLayer = runBidirectionalSimpleRnn(f, b, x);
    const half = (from: number) => fromLayer.map((sequence) => sequence.map((step) => step.slice(from, from + na)));
    const error = (ours: number[][][], theirs: number[][][]) => Math.max(...ours.map((sequence, i) => maxAbsDifference(sequence, theirs[i]!)));
    const label = `m=${m}, T_x=${steps}, n_x=${nx}, n_a=${na}, n_y=${ny}${index === 1 ? ", large weights" : ""}`;
    results.push({ name: `tf.layers.bidirectional(simpleRNN), concat: first half = every a→<t> (${label})`, maxAbsError: error(expected.aForward, half(0)), tolerance: 1e-5 });
    results.push({ name: `tf.layers.bidirectional(simpleRNN), concat: second half = every a←<t> (${label})`, maxAbsError: error(expected.aBackward, half(na)), tolerance: 1e-5 });
    const yFromLayer = fromLayer.map((sequence) => runSoftmaxDense(Wy, by, sequence));
    results.push({ name: `tf.layers.dense softmax on the layer's output: every ŷ<t> (${label})`, maxAbsError: error(expected.yHat, yFromLayer), tolerance: 1e-5 });
  });
  return results;
};

export default crossCheck;
