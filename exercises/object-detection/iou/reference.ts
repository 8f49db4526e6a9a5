/**
 * The oracle, with TensorFlow.js ops on the [n, 4] tensors: the intersection's corners from tf.maximum/tf.minimum,
 * its sides clipped at 0 with tf.relu, areas from the sides, and the union by inclusion–exclusion.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const boxes = z.array(z.array(z.number()).length(4)).min(1);
export const argsSchema = z.tuple([boxes, boxes]).refine(([a, b]) => a.length === b.length, "boxesA and boxesB must have the same length");

const reference: ExerciseReference = (...args) => {
  const [boxesA, boxesB] = argsSchema.parse(args);
  const result = tf.tidy(() => {
    const a = tf.tensor2d(boxesA);
    const b = tf.tensor2d(boxesB);
    const topLeft = tf.maximum(a.slice([0, 0], [-1, 2]), b.slice([0, 0], [-1, 2]));
    const bottomRight = tf.minimum(a.slice([0, 2], [-1, 2]), b.slice([0, 2], [-1, 2]));
    const intersection = tf.prod(tf.relu(tf.sub(bottomRight, topLeft)), 1);
    const area = (t: tf.Tensor2D): tf.Tensor => tf.prod(tf.sub(t.slice([0, 2], [-1, 2]), t.slice([0, 0], [-1, 2])), 1);
    return tf.div(intersection, tf.sub(tf.add(area(a), area(b)), intersection));
  });
  const out = result.arraySync() as number[];
  result.dispose();
  return out;
};

export default reference;
