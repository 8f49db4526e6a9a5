/**
 * The reference's selection equals tf.image.nonMaxSuppression's on every case: the same indices in the same
 * order. TensorFlow orders a box as [y1, x1, y2, x2], so the corners are reordered before the call (IoU does not
 * change when x and y trade places, so the order is for faithfulness, not for the numbers). TensorFlow suppresses
 * at IoU ≥ iouThreshold, keeps scores > scoreThreshold and breaks score ties by the smaller index, as the
 * statement says. The reported error is 1 for a case where the selections differ, else 0.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import reference, { argsSchema } from "./reference";

/** tf.image.nonMaxSuppression on boxes given as corners (x1, y1, x2, y2). */
export function tfNonMaxSuppression(boxes: number[][], scores: number[], maxOutputSize: number, iouThreshold: number, scoreThreshold: number): number[] {
  const yxBoxes = tf.tensor2d(boxes.map(([x1, y1, x2, y2]) => [y1!, x1!, y2!, x2!]), [boxes.length, 4]);
  const scoreTensor = tf.tensor1d(scores);
  const selected = tf.image.nonMaxSuppression(yxBoxes, scoreTensor, maxOutputSize, iouThreshold, scoreThreshold);
  const indices = selected.arraySync();
  tf.dispose([yxBoxes, scoreTensor, selected]);
  return indices;
}

const crossCheck: CrossCheck = (seed) =>
  generate(seed).map((c): CrossCheckResult => {
    const args = argsSchema.parse(c.args);
    const expected = reference(...args) as number[];
    const actual = tfNonMaxSuppression(...args);
    const same = expected.length === actual.length && expected.every((v, i) => v === actual[i]);
    return { name: `tf.image.nonMaxSuppression selects the same indices: ${c.name}`, maxAbsError: same ? 0 : 1, tolerance: 0 };
  });

export default crossCheck;
