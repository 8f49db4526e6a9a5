/**
 * Proves the reference's convention: the mean over examples of the stable per-example loss is what
 * TensorFlow.js's tf.losses.sigmoidCrossEntropy (labels first, logits second, default reduction: the mean over
 * non-zero weights) returns. Both are float32; the mean of losses up to 1000 is good to a few ulps of it.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import reference, { argsSchema } from "./reference";

const float32Epsilon = 2 ** -23;

const crossCheck: CrossCheck = (seed) =>
  generate(seed).map((c): CrossCheckResult => {
    const [z, y] = argsSchema.parse(c.args);
    const library = tf.tidy(() => tf.losses.sigmoidCrossEntropy(tf.tensor1d(y), tf.tensor1d(z)));
    const expected = library.arraySync() as number;
    library.dispose();
    const largestLogit = Math.max(...z.map(Math.abs));
    return {
      name: `tf.losses.sigmoidCrossEntropy vs reference: ${c.name}`,
      maxAbsError: Math.abs((reference(z, y) as number) - expected),
      tolerance: 1e-6 + 8 * float32Epsilon * largestLogit,
    };
  });

export default crossCheck;
