/**
 * Proves the reference's convention: the mean over examples of −log softmax(z)_y with the natural log is what
 * TensorFlow.js's own tf.losses.softmaxCrossEntropy (one-hot labels, default reduction) computes. The library
 * loss evaluates z_y − logSumExp(z) at the logits' magnitude, so in float32 its absolute error grows with
 * max |z| (one ulp is 6.1e-5 at 1000); the tolerance says so.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import reference, { argsSchema } from "./reference";

const float32Epsilon = 2 ** -23;

const crossCheck: CrossCheck = (seed) =>
  generate(seed).map((c): CrossCheckResult => {
    const [Z, y] = argsSchema.parse(c.args);
    const library = tf.tidy(() =>
      tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(y, "int32"), Z[0]!.length), tf.tensor2d(Z)),
    );
    const expected = library.arraySync() as number;
    library.dispose();
    const largestLogit = Math.max(...Z.flat().map(Math.abs));
    return {
      name: `tf.losses.softmaxCrossEntropy vs tf.logSoftmax reference: ${c.name}`,
      maxAbsError: Math.abs((reference(Z, y) as number) - expected),
      tolerance: 1e-5 + 8 * float32Epsilon * largestLogit,
    };
  });

export default crossCheck;
