/**
 * tf.image.nonMaxSuppression computes IoU inside: with two boxes (scores 1 and 0.5) it drops the second exactly
 * when their IoU exceeds the threshold. For each pair, the threshold just below the reference's IoU must drop it
 * and the one just above must keep it. TensorFlow's boxes are [y1, x1, y2, x2], so the corners are reordered.
 * The reported error is 1 for a pair where that fails, else 0. (Pairs with IoU 0 are checked with the threshold
 * above only; pairs with IoU 1 with the threshold below only.)
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import reference, { argsSchema } from "./reference";

const delta = 1e-4;

function kept(a: number[], b: number[], threshold: number): boolean {
  const boxes = tf.tensor2d([a, b].map(([x1, y1, x2, y2]) => [y1!, x1!, y2!, x2!]));
  const scores = tf.tensor1d([1, 0.5]);
  const selected = tf.image.nonMaxSuppression(boxes, scores, 2, threshold);
  const count = selected.size;
  tf.dispose([boxes, scores, selected]);
  return count === 2;
}

const crossCheck: CrossCheck = (seed) =>
  generate(seed).map((c): CrossCheckResult => {
    const [boxesA, boxesB] = argsSchema.parse(c.args);
    const expected = reference(boxesA, boxesB) as number[];
    let failures = 0;
    expected.forEach((value, i) => {
      const a = boxesA[i]!;
      const b = boxesB[i]!;
      if (value - delta >= 0 && kept(a, b, value - delta)) failures++;
      if (value + delta <= 1 && !kept(a, b, value + delta)) failures++;
    });
    return { name: `tf.image.nonMaxSuppression keeps/drops at IoU ± 1e-4: ${c.name}`, maxAbsError: failures > 0 ? 1 : 0, tolerance: 0 };
  });

export default crossCheck;
