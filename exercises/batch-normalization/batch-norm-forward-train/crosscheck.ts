/**
 * Proves the reference's convention against tf.layers.batchNormalization (axis −1, the units) called with
 * training: true on the same batch, its weights set to [γ, β, running mean, running variance]: the layer's output
 * is Z_tilde, and the moving mean and variance it writes are the reference's runningMean and runningVar (so the
 * layer's running variance, like ours, averages the biased batch variance).
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import reference, { argsSchema } from "./reference";

const maxDifference = (a: number[] | number[][], b: number[] | number[][]): number =>
  Math.max(...(a.flat() as number[]).map((x, k) => Math.abs(x - (b.flat() as number[])[k]!)));

const crossCheck: CrossCheck = (seed) =>
  generate(seed)
    .filter((c) => (c.args[0] as number[][]).length > 1)
    .map((c): CrossCheckResult => {
      const [Z, gamma, beta, epsilon, runningMean, runningVar, momentum] = argsSchema.parse(c.args);
      const expected = reference(...c.args) as { Z_tilde: number[][]; runningMean: number[]; runningVar: number[] };
      const layer = tf.layers.batchNormalization({ axis: -1, epsilon, momentum });
      const input = tf.tensor2d(Z);
      layer.apply(input);
      layer.setWeights([tf.tensor1d(gamma), tf.tensor1d(beta), tf.tensor1d(runningMean), tf.tensor1d(runningVar)]);
      const output = layer.apply(input, { training: true }) as tf.Tensor;
      const [, , movingMean, movingVar] = layer.getWeights().map((w) => w.arraySync() as number[]);
      const error = Math.max(
        maxDifference(output.arraySync() as number[][], expected.Z_tilde),
        maxDifference(movingMean!, expected.runningMean),
        maxDifference(movingVar!, expected.runningVar),
      );
      tf.dispose([input, output]);
      layer.dispose();
      return { name: `tf.layers.batchNormalization (training) vs the reference: ${c.name}`, maxAbsError: error, tolerance: 1e-4 };
    });

export default crossCheck;
