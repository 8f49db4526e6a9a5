/**
 * Proves the 0/0 convention and the counting: the reference's precision and recall equal tf.metrics.precision
 * and tf.metrics.recall (Keras's metrics, which return 0 when the denominator is 0) applied to the thresholded
 * predictions. Ratios of small counts in float32: a few ulps of a number ≤ 1.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import reference, { argsSchema } from "./reference";

const crossCheck: CrossCheck = (seed) =>
  generate(seed).map((c): CrossCheckResult => {
    const [probabilities, y, threshold] = argsSchema.parse(c.args);
    const [precision, recall] = tf.tidy(() => {
      const yTrue = tf.tensor1d(y);
      const yPred = tf.cast(tf.greaterEqual(tf.tensor1d(probabilities), threshold), "float32");
      return [tf.metrics.precision(yTrue, yPred), tf.metrics.recall(yTrue, yPred)];
    });
    const library = { precision: precision!.arraySync() as number, recall: recall!.arraySync() as number };
    precision!.dispose();
    recall!.dispose();
    const expected = reference(probabilities, y, threshold) as { precision: number; recall: number };
    return {
      name: `tf.metrics.precision and tf.metrics.recall vs reference: ${c.name}`,
      maxAbsError: Math.max(Math.abs(expected.precision - library.precision), Math.abs(expected.recall - library.recall)),
      tolerance: 1e-6,
    };
  });

export default crossCheck;
