/**
 * Proves the reference's convention against Keras-style layers, rebuilt as in Ng's assignment: one attention
 * step is `one_step_attention` (RepeatVector(Tx) on s<t−1>, Concatenate with a on the last axis,
 * Dense(n_e, tanh), Dense(1, relu), Softmax over axis 1 — the Tx input steps — and Dot over axis 1 of α and a),
 * and the decoder's cell is `tf.layers.simpleRNN` started from s<t−1> with c<t> as its single input step.
 * Keras multiplies row vectors from the right, so the dense kernels are W1ᵀ ([n_s + n_a, n_e]) and w2 as a
 * column ([n_e, 1]); `runSimpleRnnLayer` (from rnn-cell-forward) maps W_ss and W_sc the same way.
 * TensorFlow.js's softmax supports the last axis only, so the energies [1, Tx, 1] are turned into [1, 1, Tx] with
 * Permute([2, 1]), normalised over that last axis (the Tx input steps, as the assignment's softmax(axis=1)) and
 * permuted back.
 */
import { tf } from "../../lib/tf";
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import { maxAbsDifference, runSimpleRnnLayer, transpose } from "../../rnn/rnn-cell-forward/crosscheck";
import { attentionDecoder } from "./reference";

export interface ScoringWeights {
  W1: number[][];
  b1: number[];
  w2: number[];
  b2: number;
}

/** α<t,·> and c<t> from Keras-style layers: the assignment's `one_step_attention` for one s<t−1>. */
export function oneStepAttentionLayers(a: number[][], sPrev: number[], p: ScoringWeights): { alphas: number[]; context: number[] } {
  const tx = a.length;
  const ne = p.b1.length;
  const repeator = tf.layers.repeatVector({ n: tx });
  const concatenator = tf.layers.concatenate({ axis: -1 });
  const densor1 = tf.layers.dense({ units: ne, activation: "tanh" });
  const densor2 = tf.layers.dense({ units: 1, activation: "relu" });
  const toLast = tf.layers.permute({ dims: [2, 1] });
  const activator = tf.layers.softmax({ axis: -1 });
  const back = tf.layers.permute({ dims: [2, 1] });
  const dotor = tf.layers.dot({ axes: 1 });
  try {
    return tf.tidy(() => {
      const aBatch = tf.tensor3d([a]); // [1, Tx, n_a]
      const repeated = repeator.apply(tf.tensor2d([sPrev])) as tf.Tensor; // [1, Tx, n_s]
      const concat = concatenator.apply([repeated, aBatch]) as tf.Tensor; // [1, Tx, n_s + n_a]
      densor1.apply(concat); // builds the kernel (calling build() ourselves would duplicate it)
      densor1.setWeights([tf.tensor2d(transpose(p.W1)), tf.tensor1d(p.b1)]);
      const hidden = densor1.apply(concat) as tf.Tensor; // [1, Tx, n_e]
      densor2.apply(hidden);
      densor2.setWeights([tf.tensor2d(p.w2, [ne, 1]), tf.tensor1d([p.b2])]);
      const energies = densor2.apply(hidden) as tf.Tensor; // [1, Tx, 1]
      const alphas = back.apply(activator.apply(toLast.apply(energies))) as tf.Tensor; // softmax over the Tx input steps
      const context = dotor.apply([alphas, aBatch]) as tf.Tensor; // [1, 1, n_a]
      return { alphas: alphas.reshape([tx]).arraySync() as number[], context: context.reshape([-1]).arraySync() as number[] };
    });
  } finally {
    [repeator, concatenator, densor1, densor2, toLast, activator, back, dotor].forEach((layer) => layer.built && layer.dispose());
  }
}

const gridded = (rng: Rng, std: number) => () => Math.round(rng.normal(0, std) * 64) / 64;
const unit = (rng: Rng) => () => Math.round(rng.uniform(-1, 1) * 64) / 64;

const crossCheck: CrossCheck = (seed) => {
  const results: CrossCheckResult[] = [];
  [0, 1].forEach((index) => {
    const rng = createRng(caseSeed(seed, index));
    const tx = rng.int(2, 6);
    const ty = rng.int(2, 3);
    const ns = rng.int(1, 4);
    const na = index === 0 ? ns : rng.int(1, 4);
    const ne = rng.int(2, 5);
    const a = rng.matrix(tx, na, unit(rng));
    const s0 = rng.vector(ns, unit(rng));
    const p: ScoringWeights = { W1: rng.matrix(ne, ns + na, gridded(rng, 1)), b1: rng.vector(ne, gridded(rng, 0.3)), w2: rng.vector(ne, gridded(rng, 1.5)), b2: 0.5 };
    const Wss = rng.matrix(ns, ns, gridded(rng, 0.8));
    const Wsc = rng.matrix(ns, na, gridded(rng, 0.8));
    const bs = rng.vector(ns, gridded(rng, 0.3));
    const expected = attentionDecoder(a, s0, ty, p.W1, p.b1, p.w2, p.b2, Wss, Wsc, bs);
    const fromLayers = { alphas: [] as number[][], contexts: [] as number[][], states: [] as number[][] };
    let s = s0;
    for (let t = 0; t < ty; t++) {
      const { alphas, context } = oneStepAttentionLayers(a, s, p);
      s = runSimpleRnnLayer(Wss, Wsc, bs, [[context]], [s])[0]![0]!;
      fromLayers.alphas.push(alphas);
      fromLayers.contexts.push(context);
      fromLayers.states.push(s);
    }
    const label = `Tx=${tx}, Ty=${ty}, n_s=${ns}, n_a=${na}, n_e=${ne}`;
    const error = Math.max(
      maxAbsDifference(expected.alphas, fromLayers.alphas),
      maxAbsDifference(expected.contexts, fromLayers.contexts),
      maxAbsDifference(expected.states, fromLayers.states),
    );
    results.push({ name: `one_step_attention layers + tf.layers.simpleRNN (${label})`, maxAbsError: error, tolerance: 1e-5 });
  });
  return results;
};

export default crossCheck;
