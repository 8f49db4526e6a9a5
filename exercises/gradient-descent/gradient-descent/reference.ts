/**
 * The oracle: batch gradient descent where TensorFlow.js differentiates J(w,b) = ½ · mean squared error
 * automatically (tf.grads) at each step; both parameters step from the same gradient (simultaneous update),
 * and the cost is recorded after each update.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const argsSchema = z.tuple([
  z.array(z.array(z.number()).min(1)).min(1),
  z.array(z.number()).min(1),
  z.array(z.number()).min(1),
  z.number(),
  z.number().positive(),
  z.number().int().nonnegative(),
]);

const reference: ExerciseReference = (...args) => {
  const [X, y, w_in, b_in, alpha, iterations] = argsSchema.parse(args);
  const result = tf.tidy(() => {
    const features = tf.tensor2d(X);
    const targets = tf.tensor1d(y);
    const cost = (weights: tf.Tensor, bias: tf.Tensor): tf.Tensor =>
      tf.losses.meanSquaredError(targets, tf.matMul(features, weights).reshape([-1]).add(bias)).div(tf.scalar(2));
    const gradients = tf.grads(cost);
    const learningRate = tf.scalar(alpha);
    let w: tf.Tensor = tf.tensor2d(w_in, [w_in.length, 1]);
    let b: tf.Tensor = tf.scalar(b_in);
    const history: tf.Tensor[] = [];
    for (let k = 0; k < iterations; k++) {
      const [dw, db] = gradients([w, b]);
      w = w.sub(dw!.mul(learningRate));
      b = b.sub(db!.mul(learningRate));
      history.push(cost(w, b));
    }
    return { w: w.reshape([-1]), b, history };
  });
  const output = {
    w: result.w.arraySync() as number[],
    b: result.b.arraySync() as number,
    costHistory: result.history.map((c) => c.arraySync() as number),
  };
  tf.dispose(result);
  return output;
};

export default reference;
