/**
 * The oracle, with TensorFlow.js ops as in the course's yolo_filter_boxes: box_scores = p_c · c (broadcast over
 * the classes), tf.argMax and tf.max over the class axis, tf.greaterEqual against the threshold. tf.booleanMask
 * is asynchronous in TensorFlow.js, so the mask is read back and the kept rows are taken with tf.gather on the
 * flattened [S_h·S_w·A] axis, which keeps the row-major order. Every product p_c·c_k is a multiple of 1/4096,
 * exact in float32.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const grid3 = z.array(z.array(z.array(z.number()).min(1)).min(1)).min(1);
const grid4 = z.array(z.array(z.array(z.array(z.number()).min(1)).min(1)).min(1)).min(1);
export const argsSchema = z.tuple([grid3, grid4, grid4, z.number()]);

const reference: ExerciseReference = (...args) => {
  const [boxConfidence, boxes, boxClassProbs, threshold] = argsSchema.parse(args);
  return tf.tidy(() => {
    const probs = tf.tensor4d(boxClassProbs);
    const classCount = probs.shape[3];
    const boxScores = tf.mul(tf.expandDims(tf.tensor3d(boxConfidence), -1), probs).reshape([-1, classCount]);
    const classes = tf.argMax(boxScores, -1);
    const scores = tf.max(boxScores, -1);
    const mask = tf.greaterEqual(scores, threshold).arraySync() as number[];
    const indices = mask.flatMap((m, i) => (m ? [i] : []));
    if (indices.length === 0) return { boxes: [], scores: [], classes: [] };
    const at = tf.tensor1d(indices, "int32");
    return {
      boxes: tf.gather(tf.tensor4d(boxes).reshape([-1, 4]), at).arraySync() as number[][],
      scores: tf.gather(scores, at).arraySync() as number[],
      classes: tf.gather(classes, at).arraySync() as number[],
    };
  });
};

export default reference;
