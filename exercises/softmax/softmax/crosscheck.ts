/**
 * Proves the axis convention: the reference (tf.softmax on the last axis, transposed for axis 0) equals
 * exp(z − logSumExp(z)) computed by TensorFlow.js along the given axis of the untransposed matrix. The
 * log-sum-exp version subtracts at the logits' magnitude, where one float32 ulp is 6.1e-5 at |z| = 1000, so the
 * tolerance grows with max |z|.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import reference, { argsSchema } from "./reference";

const float32Epsilon = 2 ** -23;

const crossCheck: CrossCheck = (seed) =>
  generate(seed).map((c): CrossCheckResult => {
    const [Z, axis] = argsSchema.parse(c.args);
    const alongAxis = tf.tidy(() => {
      const logits = tf.tensor2d(Z);
      return tf.exp(tf.sub(logits, tf.logSumExp(logits, axis, true)));
    });
    const independent = alongAxis.arraySync() as number[][];
    alongAxis.dispose();
    const expected = reference(Z, axis) as number[][];
    const maxAbsError = Math.max(...expected.flatMap((row, i) => row.map((p, j) => Math.abs(p - independent[i]![j]!))));
    const largestLogit = Math.max(...Z.flat().map(Math.abs));
    return {
      name: `tf.exp(z − tf.logSumExp(z, axis)) vs reference: ${c.name}`,
      maxAbsError,
      tolerance: 1e-6 + 8 * float32Epsilon * largestLogit,
    };
  });

export default crossCheck;
