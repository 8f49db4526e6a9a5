/**
 * The oracle for `one-hot-encode`, with TensorFlow.js ops: out-of-vocabulary ids are replaced by the <unk> id
 * with tf.where, then each id is compared with tf.range(0, |V|) (an equality one-hot, independent of
 * tf.oneHot, which crosscheck.ts uses to confirm it). Every value is exactly 0 or 1 in float32, so the
 * tolerance only has to be below 1: any misplaced or missing 1 is a difference of 1.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

export const oneHotArgsSchema = z
  .tuple([z.array(z.array(z.number().int())), z.number().int().positive(), z.number().int().nonnegative()])
  .refine(([, vocabSize, unkIndex]) => unkIndex < vocabSize, "unkIndex must be below vocabSize")
  .refine(([ids]) => ids.every((s) => s.length === ids[0]!.length && s.length > 0), "sequences must share one length T_x ≥ 1");

/** Ids with every out-of-vocabulary id replaced by `unkIndex`, as an int32 tensor m × T_x. */
export function vocabularyIds(ids: number[][], vocabSize: number, unkIndex: number): tf.Tensor2D {
  return tf.tidy(() => {
    const raw = tf.tensor2d(ids, [ids.length, ids[0]!.length], "int32");
    const known = tf.logicalAnd(tf.greaterEqual(raw, 0), tf.less(raw, vocabSize));
    return tf.where(known, raw, tf.fill(raw.shape, unkIndex, "int32")) as tf.Tensor2D;
  });
}

export function oneHotReference(ids: number[][], vocabSize: number, unkIndex: number): number[][][] {
  return tf.tidy(() => {
    const mapped = vocabularyIds(ids, vocabSize, unkIndex);
    const positions = tf.range(0, vocabSize, 1, "int32");
    const hot = tf.cast(tf.equal(tf.expandDims(mapped, -1), positions), "float32");
    return hot.arraySync() as number[][][];
  });
}

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [ids, vocabSize, unkIndex] = oneHotArgsSchema.parse(args);
  return oneHotReference(ids, vocabSize, unkIndex);
};

export default reference;
