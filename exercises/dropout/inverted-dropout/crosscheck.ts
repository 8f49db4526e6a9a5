/**
 * Proves the reference's scaling convention on TensorFlow.js's own tf.dropout(x, rate = 1 − keep_prob): every
 * unit tf.dropout keeps comes out as x / keep_prob (inverted dropout, nothing to undo at test time), which is
 * what the reference returns for kept units. tf.dropout draws its own mask, so only the kept values are
 * compared; the tolerance is float32 rounding of x / keep_prob.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import reference, { argsSchema } from "./reference";

const crossCheck: CrossCheck = (seed) =>
  generate(seed).map((c): CrossCheckResult => {
    const [A, U, keepProb] = argsSchema.parse(c.args);
    const library = tf.tidy(() => tf.dropout(tf.tensor2d(A), 1 - keepProb, undefined, seed).arraySync() as number[][]);
    // Uniform draws of 0 keep every unit: the reference's value for a kept unit.
    const allKept = (reference(A, U.map((row) => row.map(() => 0)), keepProb) as { A: number[][] }).A;
    let maxAbsError = 0;
    let largest = 0;
    library.forEach((row, i) =>
      row.forEach((v, j) => {
        largest = Math.max(largest, Math.abs(allKept[i]![j]!));
        if (v !== 0) maxAbsError = Math.max(maxAbsError, Math.abs(v - allKept[i]![j]!));
      }),
    );
    return { name: `tf.dropout keeps x / keep_prob: ${c.name}`, maxAbsError, tolerance: 1e-6 * Math.max(1, largest) };
  });

export default crossCheck;
