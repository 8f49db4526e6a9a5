/**
 * Proves the reference against independent TensorFlow.js computations on every case: value clipping equals
 * tf.clipByValue(g, −c, c); norm clipping equals scaling by min(1, c / ‖v‖), where v is all five gradients
 * flattened and concatenated into one vector and ‖v‖ is tf.norm (euclidean) — the global norm of TensorFlow's
 * clip_by_global_norm, whose factor c / max(‖v‖, c) is the same number.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import { argsSchema, clipReference, fromTensors, gradientKeys, toTensors, type RnnGradients } from "./reference";

function independent(gradients: RnnGradients, mode: "value" | "norm", threshold: number): RnnGradients {
  return tf.tidy(() => {
    const tensors = toTensors(gradients);
    if (mode === "value") return fromTensors(tensors.map((g) => tf.clipByValue(g, -threshold, threshold)));
    const norm = tf.norm(tf.concat(tensors.map((g) => g.flatten())));
    const scale = tf.minimum(1, tf.div(threshold, norm));
    return fromTensors(tensors.map((g) => tf.mul(g, scale)));
  });
}

const crossCheck: CrossCheck = (seed) =>
  generate(seed).map((c): CrossCheckResult => {
    const [gradients, mode, threshold] = argsSchema.parse(c.args);
    const expected = clipReference(gradients, mode, threshold);
    const other = independent(gradients, mode, threshold);
    const errors = gradientKeys.flatMap((key) => {
      const a = [expected[key]].flat(2);
      const b = [other[key]].flat(2);
      return a.map((v, i) => Math.abs(v - b[i]!));
    });
    const largest = Math.max(...[gradients.dWaa, gradients.dWax, gradients.dWya, gradients.dba, gradients.dby].flat(2).map(Math.abs));
    return {
      name: `${mode === "value" ? "tf.clipByValue" : "tf.norm of the concatenated gradients, min(1, c/‖g‖)"}: ${c.name}`,
      maxAbsError: Math.max(...errors),
      // float32 rounding of the scaled entries, relative to the largest of them.
      tolerance: 1e-6 * Math.max(1, Math.min(largest, threshold)),
    };
  });

export default crossCheck;
