/**
 * Proves the reference's convention: the ops-based GRU step (the notes' / Ng's equations) run over a short
 * sequence equals `tf.layers.gru` with mapped weights.
 *
 * Keras/tfjs writes h = z·h_prev + (1 − z)·hh with z = σ(x·W_z + h·U_z + b_z), gate order [z, r, h] in
 * kernel [n_x, 3·n_c], recurrentKernel [n_c, 3·n_c] and bias [3·n_c]; the notes write
 * c<t> = Γu·c̃<t> + (1 − Γu)·c<t−1>. So Γu = 1 − z, and since 1 − σ(v) = σ(−v) the mapping negates the
 * update-gate weights and bias. tfjs's GRU is the reset-before-matmul form (it rejects resetAfter), which is
 * exactly Γr applied to c<t−1> inside Wc[Γr * c<t−1>, x<t>]. Its default recurrent activation is the hard
 * sigmoid, so the layer is built with "sigmoid".
 */
import { tf } from "../../lib/tf";
import { caseSeed, createRng } from "../../lib/random";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import { gruStep } from "./reference";

export interface GruParams {
  Wc: number[][];
  bc: number[];
  Wu: number[][];
  bu: number[];
  Wr: number[][];
  br: number[];
}

/** Columns [from, to) of W, transposed: the Keras layout (input rows × unit columns). */
function transposedBlock(W: number[][], from: number, to: number): number[][] {
  return Array.from({ length: to - from }, (_, j) => W.map((row) => row[from + j]!));
}

/**
 * The notes' weights in Keras's layout [kernel, recurrentKernel, bias]. `negateUpdateGate: false` gives the
 * naive copy that ignores the convention difference (the tests use it to show the cross-check can fail).
 */
export function kerasGruWeights(p: GruParams, nc: number, nx: number, negateUpdateGate = true): tf.Tensor[] {
  const negate = (m: number[][]) => (negateUpdateGate ? m.map((row) => row.map((v) => -v)) : m);
  const kernelBlocks = [negate(transposedBlock(p.Wu, nc, nc + nx)), transposedBlock(p.Wr, nc, nc + nx), transposedBlock(p.Wc, nc, nc + nx)];
  const recurrentBlocks = [negate(transposedBlock(p.Wu, 0, nc)), transposedBlock(p.Wr, 0, nc), transposedBlock(p.Wc, 0, nc)];
  return [
    tf.concat(kernelBlocks.map((b) => tf.tensor2d(b, [nx, nc])), 1),
    tf.concat(recurrentBlocks.map((b) => tf.tensor2d(b, [nc, nc])), 1),
    tf.tensor1d([...negate([p.bu])[0]!, ...p.br, ...p.bc]),
  ];
}

/** The layer's output h for every step, starting from c0 (= h0), with the given Keras-layout weights. */
export function runGruLayer(weights: tf.Tensor[], xs: number[][], c0: number[]): number[][] {
  const nc = c0.length;
  const nx = xs[0]!.length;
  const layer = tf.layers.gru({ units: nc, activation: "tanh", recurrentActivation: "sigmoid", returnSequences: true });
  try {
    return tf.tidy(() => {
      const input = tf.tensor3d([xs], [1, xs.length, nx]);
      const initialState = [tf.tensor2d([c0], [1, nc])];
      layer.apply(input, { initialState }); // builds the weights (calling build() ourselves would duplicate them)
      layer.setWeights(weights);
      const out = layer.apply(input, { initialState }) as tf.Tensor;
      return (out.arraySync() as number[][][])[0]!;
    });
  } finally {
    layer.dispose();
  }
}

const crossCheck: CrossCheck = (seed) => {
  const results: CrossCheckResult[] = [];
  const configs = [
    { name: "tf.layers.gru, 4 steps", weightStd: 0.8, biasShift: 0 },
    { name: "tf.layers.gru, 3 steps, saturated gates", weightStd: 5, biasShift: 4 },
  ];
  configs.forEach((config, index) => {
    const rng = createRng(caseSeed(seed, index));
    const nx = rng.int(1, 4);
    const nc = rng.int(1, 5);
    const steps = config.biasShift ? 3 : 4;
    const w = () => rng.matrix(nc, nc + nx, () => rng.normal(0, config.weightStd));
    const b = () => rng.vector(nc, () => rng.normal(config.biasShift, 1));
    const params: GruParams = { Wc: w(), bc: b(), Wu: w(), bu: b(), Wr: w(), br: b() };
    const xs = rng.matrix(steps, nx, () => rng.uniform(-1.5, 1.5));
    const c0 = rng.vector(nc, () => rng.uniform(-1, 1));

    const weights = kerasGruWeights(params, nc, nx);
    let fromLayer: number[][];
    try {
      fromLayer = runGruLayer(weights, xs, c0);
    } finally {
      tf.dispose(weights);
    }
    let c = c0;
    let maxAbsError = 0;
    xs.forEach((x, t) => {
      c = gruStep(x, c, params.Wc, params.bc, params.Wu, params.bu, params.Wr, params.br).cNext;
      c.forEach((v, i) => {
        maxAbsError = Math.max(maxAbsError, Math.abs(v - fromLayer[t]![i]!));
      });
    });
    results.push({ name: `${config.name} (n_x=${nx}, n_c=${nc})`, maxAbsError, tolerance: 1e-5 });
  });
  return results;
};

export default crossCheck;
