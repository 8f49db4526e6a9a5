/**
 * The oracle. TensorFlow.js gives every pairwise IoU (the iou exercise's reference, on all n² pairs) and the
 * order of the scores (tf.topk: descending, equal scores by the smaller index first); the greedy pass over that
 * order is the algorithm itself. crosscheck.ts shows the result equals tf.image.nonMaxSuppression's.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";
import iouReference from "../iou/reference";

export const argsSchema = z
  .tuple([
    z.array(z.array(z.number()).length(4)).min(1),
    z.array(z.number()).min(1),
    z.number().int().nonnegative(),
    z.number().gt(0).lte(1),
    z.number(),
  ])
  .refine(([boxes, scores]) => boxes.length === scores.length, "boxes and scores must have the same length");

const reference: ExerciseReference = (...args) => {
  const [boxes, scores, maxOutputSize, iouThreshold, scoreThreshold] = argsSchema.parse(args);
  const n = boxes.length;
  const pairs = boxes.flatMap((a) => boxes.map((b) => [a, b] as const));
  const ious = iouReference(pairs.map((p) => p[0]), pairs.map((p) => p[1])) as number[];
  const { values, indices } = tf.tidy(() => {
    const top = tf.topk(tf.tensor1d(scores), n, true);
    return { values: top.values.arraySync() as number[], indices: top.indices.arraySync() as number[] };
  });
  const selected: number[] = [];
  for (let r = 0; r < n && selected.length < maxOutputSize; r++) {
    if (!(values[r]! > scoreThreshold)) break;
    const i = indices[r]!;
    if (selected.every((k) => ious[i * n + k]! < iouThreshold)) selected.push(i);
  }
  return selected;
};

export default reference;
