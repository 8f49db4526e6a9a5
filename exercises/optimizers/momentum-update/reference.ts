/**
 * The oracle: one momentum step in TensorFlow.js ops, v ← β·v + (1 − β)·dW, W ← W − α·v, per parameter.
 * crosscheck.ts proves that this is tf.train.momentum's update once its convention (v ← β·v + dW, W ← W − lr·v)
 * is mapped: the two velocities differ by the factor (1 − β), so lr = α(1 − β).
 */
import { z } from "zod";
import { parameterSetSchema, type ParameterSet } from "../../lib/parameter-sets";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const argsSchema = z.tuple([parameterSetSchema, parameterSetSchema, parameterSetSchema, z.number().min(0).lt(1), z.number().positive()]);

export function momentumStep(parameters: ParameterSet, grads: ParameterSet, v: ParameterSet, beta: number, alpha: number): { parameters: ParameterSet; v: ParameterSet } {
  const newParameters: ParameterSet = {};
  const newV: ParameterSet = {};
  for (const name of Object.keys(parameters)) {
    const key = `d${name}`;
    const [velocity, updated] = tf.tidy(() => {
      const velocity = tf.tensor2d(v[key]!).mul(beta).add(tf.tensor2d(grads[key]!).mul(1 - beta));
      return [velocity, tf.tensor2d(parameters[name]!).sub(velocity.mul(alpha))];
    });
    newV[key] = velocity!.arraySync() as number[][];
    newParameters[name] = updated!.arraySync() as number[][];
    tf.dispose([velocity!, updated!]);
  }
  return { parameters: newParameters, v: newV };
}

const reference: ExerciseReference = (...args) => momentumStep(...argsSchema.parse(args));

export default reference;
