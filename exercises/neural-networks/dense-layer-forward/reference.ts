/**
 * The oracle: a tf.layers.dense layer of `units` units with the given activation, its kernel set to W and its bias
 * to b (setWeights), applied to the batch. Keras's kernel layout [n_in, units] is the one the statement asks for.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const activations = ["sigmoid", "relu", "linear"] as const;

export const argsSchema = z
  .tuple([z.array(z.array(z.number()).min(1)).min(1), z.array(z.array(z.number()).min(1)).min(1), z.array(z.number()).min(1), z.enum(activations)])
  .refine(([A, W, b]) => A.every((row) => row.length === W.length) && W.every((row) => row.length === b.length), "A_in must be m×n_in, W n_in×units and b of length units");

const reference: ExerciseReference = (...args) => {
  const [A, W, b, activation] = argsSchema.parse(args);
  const layer = tf.layers.dense({ units: b.length, activation, inputShape: [W.length] });
  const output = tf.tidy(() => {
    const input = tf.tensor2d(A);
    layer.apply(input); // builds the layer so that its weights exist
    layer.setWeights([tf.tensor2d(W), tf.tensor1d(b)]);
    return layer.apply(input) as tf.Tensor;
  });
  const value = output.arraySync() as number[][];
  output.dispose();
  layer.dispose();
  return value;
};

export default reference;
