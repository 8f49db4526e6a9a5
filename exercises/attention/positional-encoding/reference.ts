/**
 * The oracle for `positional-encoding`: the sinusoidal encoding of "Attention Is All You Need" (and d2l),
 * P[pos][2i] = sin(pos / 10000^(2i/d)), P[pos][2i+1] = cos(pos / 10000^(2i/d)), pos = 0 … seqLen − 1.
 * For odd d the last column is the sine of pair i = (d − 1)/2 and its cosine is dropped. The encoding is added
 * to the embeddings X (seqLen × d), as in d2l's PositionalEncoding module (without its dropout).
 *
 * The angles are computed in float64 beside TensorFlow.js and reduced to [−π, π] before they enter a float32
 * tensor: an angle of 60 in float32 is off by up to 4e−6, which sin would pass on whole, while a reduced angle
 * is off by at most 1.2e−7. tf.sin and tf.cos then give every entry to about 2e−7, far inside the tolerance,
 * and the columns are interleaved (sin, cos, sin, …) with tf.stack and tf.reshape.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";

const row = z.array(z.number()).min(1);
export const peArgsSchema = z.tuple([z.array(row).min(1)]);

/** The angle pos / 10000^(2i/d) for every position and pair i = 0 … ⌈d/2⌉ − 1, reduced to [−π, π] in float64. */
export function reducedAngles(seqLen: number, d: number): number[][] {
  const pairs = Math.ceil(d / 2);
  return Array.from({ length: seqLen }, (_, pos) =>
    Array.from({ length: pairs }, (_, i) => {
      const angle = pos / Math.pow(10000, (2 * i) / d);
      return angle - 2 * Math.PI * Math.round(angle / (2 * Math.PI));
    }),
  );
}

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [X] = peArgsSchema.parse(args);
  const seqLen = X.length;
  const d = X[0]!.length;
  const pairs = Math.ceil(d / 2);
  return tf.tidy(() => {
    const angles = tf.tensor2d(reducedAngles(seqLen, d), [seqLen, pairs]);
    const interleaved = tf.reshape(tf.stack([tf.sin(angles), tf.cos(angles)], 2), [seqLen, 2 * pairs]); // sin, cos, sin, cos, …
    const P = tf.slice(interleaved, [0, 0], [seqLen, d]);
    return { P: P.arraySync() as number[][], output: tf.add(tf.tensor2d(X), P).arraySync() as number[][] };
  });
};

export default reference;
