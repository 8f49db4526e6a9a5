/**
 * The oracle for `gradient-clipping`, with TensorFlow.js ops. "value": tf.minimum(tf.maximum(g, −c), c) on every
 * gradient. "norm": the global norm √(Σ_k Σ g_k²) over all five gradients and the factor c / max(‖g‖, c),
 * TensorFlow's clip_by_global_norm (which tfjs does not ship). crosscheck.ts compares the first with
 * tf.clipByValue and the second with the norm of all the gradients concatenated (tf.norm).
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

const vector = z.array(z.number()).min(1);
const matrix = z.array(vector).min(1);
export const gradientsSchema = z.object({ dWaa: matrix, dWax: matrix, dWya: matrix, dba: vector, dby: vector }).strict();
export type RnnGradients = z.infer<typeof gradientsSchema>;
export const argsSchema = z.tuple([gradientsSchema, z.enum(["value", "norm"]), z.number().positive()]);

export const gradientKeys = ["dWaa", "dWax", "dWya", "dba", "dby"] as const;

export function toTensors(gradients: RnnGradients): tf.Tensor[] {
  return gradientKeys.map((key) => tf.tensor(gradients[key]));
}

export function fromTensors(tensors: tf.Tensor[]): RnnGradients {
  const [dWaa, dWax, dWya, dba, dby] = tensors.map((t) => t.arraySync());
  return { dWaa: dWaa as number[][], dWax: dWax as number[][], dWya: dWya as number[][], dba: dba as number[], dby: dby as number[] };
}

export function clipReference(gradients: RnnGradients, mode: "value" | "norm", threshold: number): RnnGradients {
  return tf.tidy(() => {
    const tensors = toTensors(gradients);
    if (mode === "value") return fromTensors(tensors.map((g) => tf.minimum(tf.maximum(g, -threshold), threshold)));
    const globalNorm = tf.sqrt(tf.addN(tensors.map((g) => tf.sum(tf.square(g)))));
    const scale = tf.div(threshold, tf.maximum(globalNorm, threshold));
    return fromTensors(tensors.map((g) => tf.mul(g, scale)));
  });
}

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [gradients, mode, threshold] = argsSchema.parse(args);
  return { ...clipReference(gradients, mode, threshold) };
};

export default reference;
