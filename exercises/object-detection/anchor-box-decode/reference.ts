/**
 * The oracle, with TensorFlow.js ops as in the course's yolo_head and yolo_boxes_to_corners (YAD2K): σ(t_xy)
 * plus the cell's (column, row) index, divided by the grid's (S_w, S_h); the anchors times e^{t_wh}, divided the
 * same way; corners = centre ∓ size / 2, ordered x first.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const argsSchema = z
  .tuple([
    z.array(z.array(z.array(z.array(z.number()).length(4)).min(1)).min(1)).min(1),
    z.array(z.array(z.number()).length(2)).min(1),
  ])
  .refine(([t, anchors]) => t.every((row) => row.every((cell) => cell.length === anchors.length)), "every cell needs one t per anchor box");

const reference: ExerciseReference = (...args) => {
  const [t, anchors] = argsSchema.parse(args);
  return tf.tidy(() => {
    const T = tf.tensor4d(t);
    const [Sh, Sw, A] = T.shape;
    const column = tf.tile(tf.range(0, Sw).reshape([1, Sw, 1, 1]), [Sh, 1, 1, 1]);
    const row = tf.tile(tf.range(0, Sh).reshape([Sh, 1, 1, 1]), [1, Sw, 1, 1]);
    const cell = tf.concat([column, row], -1); // [S_h, S_w, 1, 2]: (c_x, c_y)
    const gridSize = tf.tensor1d([Sw, Sh]);
    const centre = tf.div(tf.add(tf.sigmoid(T.slice([0, 0, 0, 0], [-1, -1, -1, 2])), cell), gridSize);
    const anchorSize = tf.tensor2d(anchors).reshape([1, 1, A, 2]);
    const halfSize = tf.div(tf.div(tf.mul(tf.exp(T.slice([0, 0, 0, 2], [-1, -1, -1, 2])), anchorSize), gridSize), 2);
    return tf.concat([tf.sub(centre, halfSize), tf.add(centre, halfSize)], -1).arraySync() as number[][][][];
  });
};

export default reference;
