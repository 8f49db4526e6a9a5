/**
 * The oracle, with TensorFlow.js ops: every query against every database photo at once by broadcasting
 * ([q, 1, d] − [1, n, d]), squared distances by tf.sum(tf.square(·), 2), decisions by tf.lessEqual, and
 * recognition by tf.argMin / tf.min with tf.where for "not in the database" (−1). The encodings are on a binary
 * grid, so float32 holds every distance exactly and the decisions at d = τ match float64.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const matrix = z.array(z.array(z.number()).min(1)).min(1);
export const argsSchema = z
  .tuple([matrix, matrix, z.number()])
  .refine(([database, queries]) => [...database, ...queries].every((row) => row.length === database[0]!.length), "all encodings must have the same length d");

const reference: ExerciseReference = (...args) => {
  const [database, queries, tau] = argsSchema.parse(args);
  return tf.tidy(() => {
    const db = tf.tensor2d(database);
    const q = tf.tensor2d(queries);
    const distances = tf.sum(tf.square(tf.sub(q.expandDims(1), db.expandDims(0))), 2);
    const same = tf.lessEqual(distances, tau);
    const nearest = tf.argMin(distances, 1);
    const known = tf.lessEqual(tf.min(distances, 1), tau);
    const identity = tf.where(known, nearest, tf.fill(nearest.shape, -1, "int32"));
    return {
      distances: distances.arraySync() as number[][],
      same: (same.arraySync() as number[][]).map((row) => row.map((v) => v === 1)),
      identity: identity.arraySync() as number[],
    };
  });
};

export default reference;
