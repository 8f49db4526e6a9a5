/**
 * Proves the reduction: the reference's J (summed over the K labels, averaged over the m examples) equals
 * K · tf.losses.sigmoidCrossEntropy(Y, Z), TensorFlow.js's loss with its default reduction, the mean over all
 * m·K entries. Both float32; the tolerance scales with the largest |z| (one ulp is 6.1e-5 at 1000) and with K.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import reference, { argsSchema } from "./reference";

const float32Epsilon = 2 ** -23;

const crossCheck: CrossCheck = (seed) =>
  generate(seed).map((c): CrossCheckResult => {
    const [Z, Y] = argsSchema.parse(c.args);
    const K = Z[0]!.length;
    const library = tf.tidy(() => tf.losses.sigmoidCrossEntropy(tf.tensor2d(Y), tf.tensor2d(Z)));
    const meanOverEntries = library.arraySync() as number;
    library.dispose();
    const { J } = reference(Z, Y) as { J: number };
    const largestLogit = Math.max(...Z.flat().map(Math.abs));
    return {
      name: `K · tf.losses.sigmoidCrossEntropy vs reference J: ${c.name}`,
      maxAbsError: Math.abs(J - K * meanOverEntries),
      tolerance: K * (1e-6 + 8 * float32Epsilon * largestLogit),
    };
  });

export default crossCheck;
