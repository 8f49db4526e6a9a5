/**
 * Proves the reference's convention: the ops-based LSTM step (the notes' / Ng's equations with
 * a<t> = Γo * tanh(c<t>)) run over a short sequence equals `tf.layers.lstm` with mapped weights.
 *
 * Keras/tfjs computes i, f, c̃, o from x·W + h·U + b with gate order [i, f, c, o] in kernel [n_x, 4·n_a],
 * recurrentKernel [n_a, 4·n_a] and bias [4·n_a], then c = f·c_prev + i·c̃ and h = o·tanh(c). That is the same
 * cell with Γu = i, Γf = f, Γo = o: the mapping only transposes and splits each W over [a<t−1>, x<t>].
 * tfjs's default recurrent activation is the hard sigmoid, so the layer is built with "sigmoid".
 */
import { tf } from "../../lib/tf";
import { caseSeed, createRng } from "../../lib/random";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import { lstmStep } from "./reference";

export interface LstmParams {
  Wc: number[][];
  bc: number[];
  Wu: number[][];
  bu: number[];
  Wf: number[][];
  bf: number[];
  Wo: number[][];
  bo: number[];
}

/** Columns [from, to) of W, transposed: the Keras layout (input rows × unit columns). */
function transposedBlock(W: number[][], from: number, to: number): number[][] {
  return Array.from({ length: to - from }, (_, j) => W.map((row) => row[from + j]!));
}

/** The notes' weights in Keras's layout [kernel, recurrentKernel, bias], gate order [i, f, c, o]. */
export function kerasLstmWeights(p: LstmParams, na: number, nx: number): tf.Tensor[] {
  const inKerasOrder = [p.Wu, p.Wf, p.Wc, p.Wo]; // [i, f, c, o]
  return [
    tf.concat(inKerasOrder.map((W) => tf.tensor2d(transposedBlock(W, na, na + nx), [nx, na])), 1),
    tf.concat(inKerasOrder.map((W) => tf.tensor2d(transposedBlock(W, 0, na), [na, na])), 1),
    tf.tensor1d([...p.bu, ...p.bf, ...p.bc, ...p.bo]),
  ];
}

/** The layer's a<t> for every step and its final c<t>, with the given Keras-layout weights. */
export function runLstmLayer(weights: tf.Tensor[], xs: number[][], a0: number[], c0: number[]): { as: number[][]; cLast: number[] } {
  const na = a0.length;
  const nx = xs[0]!.length;
  const layer = tf.layers.lstm({
    units: na,
    activation: "tanh",
    recurrentActivation: "sigmoid",
    returnSequences: true,
    returnState: true,
  });
  try {
    return tf.tidy(() => {
      const input = tf.tensor3d([xs], [1, xs.length, nx]);
      const initialState = [tf.tensor2d([a0], [1, na]), tf.tensor2d([c0], [1, na])];
      layer.apply(input, { initialState }); // builds the weights (calling build() ourselves would duplicate them)
      layer.setWeights(weights);
      const [sequence, , cLast] = layer.apply(input, { initialState }) as tf.Tensor[];
      return { as: (sequence!.arraySync() as number[][][])[0]!, cLast: (cLast!.arraySync() as number[][])[0]! };
    });
  } finally {
    layer.dispose();
  }
}

const crossCheck: CrossCheck = (seed) => {
  const results: CrossCheckResult[] = [];
  const configs = [
    { name: "tf.layers.lstm, 4 steps", weightStd: 0.8, biasShift: 0 },
    { name: "tf.layers.lstm, 3 steps, saturated gates", weightStd: 5, biasShift: 3 },
  ];
  configs.forEach((config, index) => {
    const rng = createRng(caseSeed(seed, index));
    const nx = rng.int(1, 4);
    const na = rng.int(1, 5);
    const steps = config.biasShift ? 3 : 4;
    const w = () => rng.matrix(na, na + nx, () => rng.normal(0, config.weightStd));
    const b = () => rng.vector(na, () => rng.normal(config.biasShift, 1));
    const params: LstmParams = { Wc: w(), bc: b(), Wu: w(), bu: b(), Wf: w(), bf: b(), Wo: w(), bo: b() };
    const xs = rng.matrix(steps, nx, () => rng.uniform(-1.5, 1.5));
    const a0 = rng.vector(na, () => rng.uniform(-0.9, 0.9));
    const c0 = rng.vector(na, () => rng.uniform(-2, 2));

    const weights = kerasLstmWeights(params, na, nx);
    let fromLayer: { as: number[][]; cLast: number[] };
    try {
      fromLayer = runLstmLayer(weights, xs, a0, c0);
    } finally {
      tf.dispose(weights);
    }
    let a = a0;
    let c = c0;
    let aError = 0;
    xs.forEach((x, t) => {
      ({ aNext: a, cNext: c } = lstmStep(x, a, c, params.Wc, params.bc, params.Wu, params.bu, params.Wf, params.bf, params.Wo, params.bo));
      a.forEach((v, i) => {
        aError = Math.max(aError, Math.abs(v - fromLayer.as[t]![i]!));
      });
    });
    const cError = Math.max(...c.map((v, i) => Math.abs(v - fromLayer.cLast[i]!)));
    const label = `${config.name} (n_x=${nx}, n_a=${na})`;
    results.push({ name: `${label}: a<t> at every step`, maxAbsError: aError, tolerance: 1e-5 });
    results.push({ name: `${label}: final c<t>`, maxAbsError: cError, tolerance: 1e-5 });
  });
  return results;
};

export default crossCheck;
