/**
 * The oracle: the three schedules as TensorFlow.js ops over the epoch vector (tf.pow for the exponential one,
 * tf.floorDiv for the staircase's step count).
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const argsSchema = z.tuple([
  z.number().positive(),
  z.array(z.number().int().min(0)).min(1),
  z.number().min(0),
  z.number().gt(0).max(1),
  z.number().int().min(1),
]);

const reference: ExerciseReference = (...args) => {
  const [alpha0, epochs, decayRate, base, interval] = argsSchema.parse(args);
  const schedules = tf.tidy(() => {
    const epoch = tf.tensor1d(epochs, "int32");
    const asFloat = epoch.toFloat();
    return [
      tf.scalar(alpha0).div(asFloat.mul(decayRate).add(1)),
      tf.scalar(base).pow(asFloat).mul(alpha0),
      tf.scalar(alpha0).div(tf.floorDiv(epoch, tf.scalar(interval, "int32")).toFloat().mul(decayRate).add(1)),
    ];
  });
  const [inverseTime, exponential, staircase] = schedules.map((t) => t.arraySync() as number[]);
  tf.dispose(schedules);
  return { inverseTime: inverseTime!, exponential: exponential!, staircase: staircase! };
};

export default reference;
