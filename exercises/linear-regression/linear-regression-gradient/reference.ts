/**
 * The oracle: TensorFlow.js differentiates J(w,b) = ½ · mean of the squared residuals automatically (tf.grads),
 * so the reference never restates the gradient formula the learner is asked to derive.
 *
 * One step runs in float64 beside TensorFlow.js: the residuals r = X·w + b − y of the given parameters. Near an
 * optimum they are differences of nearly equal large numbers (the DeepLearning.AI housing lab: predictions of
 * 460 off by 2e−6), which float32 rounds to 0 or to noise, so a float32 reference answered dj_dw = 0 where the
 * true gradient is −2.73e−3 and rejected every correct learner. tf.grads then differentiates
 * J(w + δw, b + δb) = ½ · mean((r + X·δw + δb)²) at δ = 0, which is the gradient at (w, b).
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
  const residuals = X.map((row, i) => row.reduce((sum, x, j) => sum + w[j]! * x, b) - y[i]!);
  const [dw, db] = tf.tidy(() => {
    const features = tf.tensor2d(X);
    const r = tf.tensor1d(residuals);
    const cost = (dWeights: tf.Tensor, dBias: tf.Tensor): tf.Tensor =>
      tf.mean(tf.square(r.add(tf.matMul(features, dWeights).reshape([-1])).add(dBias))).div(tf.scalar(2));
    return tf.grads(cost)([tf.zeros([w.length, 1]), tf.scalar(0)]);
  });
  const dj_dw = (dw!.arraySync() as number[][]).map((row) => row[0]!);
  const dj_db = db!.arraySync() as number;
  dw!.dispose();
  db!.dispose();
  return { dj_dw, dj_db };
};

export default reference;
