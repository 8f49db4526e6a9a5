/**
 * Proves the reference's order of operations against Keras-style layers: the block built as a tf.model from
 * tf.layers.dense (ReLU), tf.layers.dense (linear), the shortcut (the input itself, or tf.layers.dense without a
 * bias for W_s), tf.layers.add and a ReLU tf.layers.activation after the addition — the course's ResNet
 * assignment's layout (Add, then Activation('relu')). Keras multiplies rows from the right, so each kernel is the
 * notes' W transposed and the examples are rows: the model reads Aᵀ and returns a[l+2]ᵀ.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import reference, { argsSchema } from "./reference";

const transpose = (W: number[][]): number[][] => W[0]!.map((_, j) => W.map((row) => row[j]!));

function kerasBlock(A: number[][], W1: number[][], b1: number[], W2: number[][], b2: number[], Ws: number[][] | null): number[][] {
  const n0 = A.length;
  const input = tf.input({ shape: [n0] });
  const dense1 = tf.layers.dense({ units: b1.length, activation: "relu" });
  const dense2 = tf.layers.dense({ units: b2.length, activation: "linear" });
  const projection = Ws === null ? null : tf.layers.dense({ units: b2.length, useBias: false });
  const z2 = dense2.apply(dense1.apply(input)) as tf.SymbolicTensor;
  const shortcut = projection === null ? input : (projection.apply(input) as tf.SymbolicTensor);
  const output = tf.layers.activation({ activation: "relu" }).apply(tf.layers.add().apply([z2, shortcut])) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: output });
  try {
    return tf.tidy(() => {
      dense1.setWeights([tf.tensor2d(transpose(W1)), tf.tensor1d(b1)]);
      dense2.setWeights([tf.tensor2d(transpose(W2)), tf.tensor1d(b2)]);
      projection?.setWeights([tf.tensor2d(transpose(Ws!))]);
      const rows = (model.predict(tf.tensor2d(transpose(A))) as tf.Tensor2D).arraySync();
      return transpose(rows);
    });
  } finally {
    model.dispose();
  }
}

const crossCheck: CrossCheck = (seed) =>
  generate(seed).map((c): CrossCheckResult => {
    const [A, W1, b1, W2, b2, Ws] = argsSchema.parse(c.args);
    const expected = reference(A, W1, b1, W2, b2, Ws) as number[][];
    const fromLayers = kerasBlock(A, W1, b1, W2, b2, Ws);
    const error = Math.max(...expected.flatMap((row, j) => row.map((v, i) => Math.abs(v - fromLayers[j]![i]!))));
    return { name: `tf.layers dense → dense → add → relu: ${typeof c.name === "string" ? c.name : c.name.en}`, maxAbsError: error, tolerance: 1e-5 };
  });

export default crossCheck;
