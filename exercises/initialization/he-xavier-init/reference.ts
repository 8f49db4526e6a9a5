/**
 * The oracle for `he-xavier-init`: TensorFlow.js's own variance-scaling rule. tf.initializers.heNormal is
 * varianceScaling({ scale: 2, mode: "fanIn" }) and glorotNormal is varianceScaling({ scale: 1, mode: "fanAvg" }),
 * so Var(w) = scale / fan with fan = n[l−1] or (n[l−1] + n[l]) / 2; the given draws are scaled by √Var(w) with
 * tf ops. (tfjs draws from a normal truncated at two standard deviations; the draws here are given, so only
 * the scale matters: crosscheck.ts shows tfjs's initialisers use the same scale.)
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

export const argsSchema = z
  .tuple([
    z.array(z.number().int().positive()).min(2),
    z.array(z.array(z.array(z.number()).min(1)).min(1)),
    z.enum(["he", "xavier"]),
  ])
  .refine(([dims, normals]) => normals.length === dims.length - 1, "one normals matrix per layer")
  .refine(
    ([dims, normals]) => normals.every((N, l) => N.length === dims[l + 1] && N.every((row) => row.length === dims[l])),
    "normals[l − 1] must be n[l] × n[l−1]",
  );

/** Keras's variance-scaling settings for the two named initialisers. */
export const varianceScaling = {
  he: { scale: 2, mode: "fanIn" },
  xavier: { scale: 1, mode: "fanAvg" },
} as const;

export function initVariance(method: "he" | "xavier", fanIn: number, fanOut: number): number {
  const { scale, mode } = varianceScaling[method];
  return scale / (mode === "fanIn" ? fanIn : (fanIn + fanOut) / 2);
}

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [dims, normals, method] = argsSchema.parse(args);
  return tf.tidy(() => {
    const W = normals.map((N, l) => {
      const std = tf.sqrt(tf.scalar(initVariance(method, dims[l]!, dims[l + 1]!)));
      return tf.mul(tf.tensor2d(N), std).arraySync() as number[][];
    });
    const b = normals.map((_, l) => tf.zeros([dims[l + 1]!, 1]).arraySync() as number[][]);
    return { W, b };
  });
};

export default reference;
