/**
 * Proves the layout: the ops reference (W[l] is n[l] × n[l−1], examples as columns) equals a Keras-style
 * tf.sequential of tf.layers.dense whose kernels are W[l]ᵀ (n[l−1] × n[l]) and biases b[l], fed Xᵀ (examples
 * as rows), with the same hidden activation and the output activation from the notes' table. Both run in
 * float32 on the same numbers, so they agree to a few ulps of outputs of order 1.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import reference, { argsSchema, outputActivationForTask } from "./reference";

const transpose = (M: number[][]): number[][] => M[0]!.map((_, j) => M.map((row) => row[j]!));

const crossCheck: CrossCheck = (seed) =>
  generate(seed).map((c): CrossCheckResult => {
    const [X, layers, hiddenActivation, task] = argsSchema.parse(c.args);
    const model = tf.sequential();
    layers.forEach(({ W }, l) => {
      const isOutput = l === layers.length - 1;
      model.add(
        tf.layers.dense({
          units: W.length,
          activation: isOutput ? outputActivationForTask[task] : hiddenActivation,
          ...(l === 0 ? { inputShape: [X.length] } : {}),
        }),
      );
    });
    model.layers.forEach((layer, l) => {
      const { W, b } = layers[l]!;
      tf.tidy(() => layer.setWeights([tf.tensor2d(transpose(W)), tf.tensor1d(b)]));
    });
    const out = tf.tidy(() => model.predict(tf.tensor2d(transpose(X))) as tf.Tensor);
    const keras = transpose(out.arraySync() as number[][]);
    out.dispose();
    model.dispose();
    const expected = reference(X, layers, hiddenActivation, task) as number[][];
    const maxAbsError = Math.max(...expected.flatMap((row, j) => row.map((v, i) => Math.abs(v - keras[j]![i]!))));
    return { name: `tf.layers.dense network vs ops reference: ${c.name}`, maxAbsError, tolerance: 1e-5 };
  });

export default crossCheck;
