/**
 * Proves the reference's recurrence: every a<t> and the last c equal `tf.layers.lstm` (returnSequences,
 * returnState, initial states a<0> = c<0> = 0) once the notes' weights are mapped with `lstm-cell`'s
 * `kerasLstmWeights`. Keras's LSTM is the same cell (Γu = i, Γf = f, Γo = o, h = o·tanh(c)), so the mapping
 * only transposes and splits each W over [a<t−1>, x<t>], gate order [i, f, c, o]; the layer is built with a
 * "sigmoid" recurrent activation (tfjs's default is the hard sigmoid).
 */
import { onGrid } from "../../lib/parameter-sets";
import { caseSeed, createRng } from "../../lib/random";
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import { kerasLstmWeights, runLstmLayer, type LstmParams } from "../lstm-cell/crosscheck";
import { maxAbsDifference } from "../../rnn/rnn-cell-forward/crosscheck";
import { lstmForwardReference, type LstmForwardOutput } from "./reference";

/** Every a<t> and the last c of `tf.layers.lstm` for x (m × T_x × n_x) from zero states, the notes' weights mapped. */
export function runLstmLayerOnBatch(p: LstmParams, x: number[][][]): LstmForwardOutput {
  const na = p.bc.length;
  const nx = x[0]![0]!.length;
  const zeros = new Array<number>(na).fill(0);
  const runs = x.map((sequence) => {
    const weights = kerasLstmWeights(p, na, nx);
    try {
      return runLstmLayer(weights, sequence, zeros, zeros);
    } finally {
      tf.dispose(weights);
    }
  });
  return { a: runs.map((r) => r.as), cLast: runs.map((r) => r.cLast) };
}

const crossCheck: CrossCheck = (seed) => {
  const results: CrossCheckResult[] = [];
  const configs = [
    { name: "tf.layers.lstm (returnSequences, returnState)", weightStd: 0.8, biasShift: 0 },
    { name: "tf.layers.lstm (returnSequences, returnState), saturated gates", weightStd: 5, biasShift: 3 },
  ];
  configs.forEach((config, index) => {
    const rng = createRng(caseSeed(seed, index));
    const m = rng.int(1, 3);
    const steps = rng.int(2, 6);
    const nx = rng.int(1, 4);
    const na = rng.int(1, 5);
    const w = () => rng.matrix(na, na + nx, () => onGrid(rng.normal(0, config.weightStd)));
    const b = () => rng.vector(na, () => onGrid(rng.normal(config.biasShift, 1)));
    const p: LstmParams = { Wc: w(), bc: b(), Wu: w(), bu: b(), Wf: w(), bf: b(), Wo: w(), bo: b() };
    const x = Array.from({ length: m }, () => rng.matrix(steps, nx, () => onGrid(rng.uniform(-1.5, 1.5))));
    const expected = lstmForwardReference(x, p.Wc, p.bc, p.Wu, p.bu, p.Wf, p.bf, p.Wo, p.bo);
    const fromLayer = runLstmLayerOnBatch(p, x);
    const label = `${config.name} (m=${m}, T_x=${steps}, n_x=${nx}, n_a=${na})`;
    const aError = Math.max(...expected.a.map((sequence, i) => maxAbsDifference(sequence, fromLayer.a[i]!)));
    results.push({ name: `${label}: every a<t>`, maxAbsError: aError, tolerance: 1e-5 });
    results.push({ name: `${label}: last c (the returned cell state)`, maxAbsError: maxAbsDifference(expected.cLast, fromLayer.cLast), tolerance: 1e-5 });
  });
  return results;
};

export default crossCheck;
