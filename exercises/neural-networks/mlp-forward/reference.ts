/**
 * The oracle: forward propagation with TensorFlow.js ops in Ng's column layout, Z[l] = W[l]·A[l−1] + b[l]
 * (tf.matMul, b broadcast as an n[l] × 1 column), the activation by tf.relu / tf.sigmoid / tf.tanh, and the
 * output layer's activation looked up from the notes' table. crosscheck.ts rebuilds the network as a
 * tf.sequential of tf.layers.dense with the weights mapped (Keras's kernel is Wᵀ, examples are rows).
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const activationNames = ["relu", "sigmoid", "tanh", "linear"] as const;
export type ActivationName = (typeof activationNames)[number];

/** The notes' table "输出层(output layer)的激活函数的选择标准". */
export const outputActivationForTask = { binary: "sigmoid", regression: "linear", "non-negative": "relu" } as const satisfies Record<
  string,
  ActivationName
>;

const matrix = z.array(z.array(z.number()).min(1)).min(1);
export const argsSchema = z
  .tuple([
    matrix,
    z.array(z.object({ W: matrix, b: z.array(z.number()).min(1) })).min(1),
    z.enum(activationNames),
    z.enum(["binary", "regression", "non-negative"]),
  ])
  .superRefine(([X, layers], ctx) => {
    let inputs = X.length;
    layers.forEach(({ W, b }, l) => {
      if (W.some((row) => row.length !== inputs)) ctx.addIssue({ code: "custom", message: `layer ${l + 1}: W needs ${inputs} columns` });
      if (b.length !== W.length) ctx.addIssue({ code: "custom", message: `layer ${l + 1}: b needs ${W.length} entries` });
      inputs = W.length;
    });
  });

export function activate(name: ActivationName, Z: tf.Tensor): tf.Tensor {
  switch (name) {
    case "relu":
      return tf.relu(Z);
    case "sigmoid":
      return tf.sigmoid(Z);
    case "tanh":
      return tf.tanh(Z);
    case "linear":
      return Z;
  }
}

const reference: ExerciseReference = (...args) => {
  const [X, layers, hiddenActivation, task] = argsSchema.parse(args);
  const output = tf.tidy(() =>
    layers.reduce<tf.Tensor>((A, { W, b }, l) => {
      const Z = tf.add(tf.matMul(tf.tensor2d(W), A), tf.tensor2d(b, [b.length, 1]));
      return activate(l === layers.length - 1 ? outputActivationForTask[task] : hiddenActivation, Z);
    }, tf.tensor2d(X)),
  );
  const value = output.arraySync() as number[][];
  output.dispose();
  return value;
};

export default reference;
