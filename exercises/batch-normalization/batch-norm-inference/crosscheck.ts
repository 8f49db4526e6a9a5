/**
 * Proves the reference's convention against tf.layers.batchNormalization (axis −1) in inference mode (training
 * false, the default of apply): weights [γ, β, moving mean, moving variance] set from the case, the layer's
 * output equals the reference.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import reference, { argsSchema } from "./reference";

const crossCheck: CrossCheck = (seed) =>
  generate(seed).map((c): CrossCheckResult => {
    const [Z, gamma, beta, runningMean, runningVar, epsilon] = argsSchema.parse(c.args);
    const expected = (reference(...c.args) as number[][]).flat();
    const layer = tf.layers.batchNormalization({ axis: -1, epsilon });
    const input = tf.tensor2d(Z);
    layer.apply(input);
    layer.setWeights([tf.tensor1d(gamma), tf.tensor1d(beta), tf.tensor1d(runningMean), tf.tensor1d(runningVar)]);
    const output = layer.apply(input, { training: false }) as tf.Tensor;
    const got = (output.arraySync() as number[][]).flat();
    tf.dispose([input, output]);
    layer.dispose();
    return {
      name: `tf.layers.batchNormalization (inference) vs the reference: ${c.name}`,
      maxAbsError: Math.max(...got.map((x, k) => Math.abs(x - expected[k]!))),
      tolerance: 1e-5,
    };
  });

export default crossCheck;
