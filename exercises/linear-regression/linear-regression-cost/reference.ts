/**
 * The oracle: J(w,b) = ½ · mean squared error of the predictions X·w + b, with TensorFlow.js
 * (tf.losses.meanSquaredError averages over the m examples; the cost halves it).
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const argsSchema = z.tuple([
  z.array(z.array(z.number()).min(1)).min(1),
  z.array(z.number()).min(1),
  z.array(z.number()).min(1),
  z.number(),
]);

const reference: ExerciseReference = (...args) => {
  const [X, y, w, b] = argsSchema.parse(args);
  const cost = tf.tidy(() => {
    const predictions = tf.matMul(tf.tensor2d(X), tf.tensor2d(w, [w.length, 1])).reshape([-1]).add(tf.scalar(b));
    return tf.losses.meanSquaredError(tf.tensor1d(y), predictions).div(tf.scalar(2));
  });
  const value = cost.arraySync() as number;
  cost.dispose();
  return value;
};

export default reference;
