/**
 * Proves the reference's wiring: a model of L stacked `tf.layers.simpleRNN` (tanh, returnSequences, each from a
 * zero state), the output sequence of one layer the input of the next, returns every layer's activations.
 * Keras multiplies row vectors from the right and keeps the two halves of the notes' W_a[l] apart: layer l's
 * kernel is the last n_a[l−1] columns of W_a[l], transposed (they act on a[l−1]<t>), its recurrentKernel the
 * first n_a[l] columns, transposed (they act on a[l]<t−1>).
 */
import { onGrid } from "../../lib/parameter-sets";
import { caseSeed, createRng } from "../../lib/random";
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import { maxAbsDifference, transpose } from "../../rnn/rnn-cell-forward/crosscheck";
import { deepRnnReference } from "./reference";

/** Every layer's output (L × m × T_x × n_a[l]) of a functional model stacking simpleRNN layers. */
export function runStackedSimpleRnn(x: number[][][], Wa: number[][][], ba: number[][]): number[][][][] {
  const steps = x[0]!.length;
  const nx = x[0]![0]!.length;
  const input = tf.input({ shape: [steps, nx] });
  const outputs: tf.SymbolicTensor[] = [];
  let below: tf.SymbolicTensor = input;
  for (const b of ba) {
    below = tf.layers.simpleRNN({ units: b.length, activation: "tanh", returnSequences: true }).apply(below) as tf.SymbolicTensor;
    outputs.push(below);
  }
  const model = tf.model({ inputs: input, outputs });
  try {
    tf.tidy(() =>
      model.setWeights(
        Wa.flatMap((W, l) => {
          const units = ba[l]!.length;
          const kernel = transpose(W.map((row) => row.slice(units)));
          const recurrent = transpose(W.map((row) => row.slice(0, units)));
          return [tf.tensor2d(kernel), tf.tensor2d(recurrent), tf.tensor1d(ba[l]!)];
        }),
      ),
    );
    return tf.tidy(() => {
      const predicted = model.predict(tf.tensor3d(x, [x.length, steps, nx]));
      return (Array.isArray(predicted) ? predicted : [predicted]).map((t) => t.arraySync() as number[][][]);
    });
  } finally {
    model.dispose();
  }
}

const crossCheck: CrossCheck = (seed) => {
  const results: CrossCheckResult[] = [];
  [0, 1].forEach((index) => {
    const rng = createRng(caseSeed(seed, index));
    const m = rng.int(1, 3);
    const steps = rng.int(2, 6);
    const depth = rng.int(2, 4);
    const widths = Array.from({ length: depth + 1 }, () => rng.int(1, 4));
    const std = index === 0 ? 0.7 : 2;
    const Wa = widths.slice(1).map((units, l) => rng.matrix(units, units + widths[l]!, () => onGrid(rng.normal(0, std))));
    const ba = widths.slice(1).map((units) => rng.vector(units, () => onGrid(rng.normal(0, 0.5))));
    const x = Array.from({ length: m }, () => rng.matrix(steps, widths[0]!, () => onGrid(rng.uniform(-1.5, 1.5))));
    const expected = deepRnnReference(x, Wa, ba);
    const fromModel = runStackedSimpleRnn(x, Wa, ba);
    const label = `m=${m}, T_x=${steps}, widths ${widths.join("→")}${index === 1 ? ", large weights" : ""}`;
    expected.forEach((layer, l) => {
      const maxAbsError = Math.max(...layer.map((sequence, i) => maxAbsDifference(sequence, fromModel[l]![i]!)));
      results.push({ name: `stacked tf.layers.simpleRNN: layer ${l + 1} of ${depth}, every a[${l + 1}]<t> (${label})`, maxAbsError, tolerance: 1e-5 });
    });
  });
  return results;
};

export default crossCheck;
