/**
 * The oracle: one Adam step in TensorFlow.js ops (Kingma & Ba, Algorithm 1, as the course writes it):
 * v ← β₁v + (1 − β₁)dW, s ← β₂s + (1 − β₂)dW², v̂ = v/(1 − β₁ᵗ), ŝ = s/(1 − β₂ᵗ), W ← W − α·v̂/(√ŝ + ε).
 * The corrections 1 − βᵗ are computed in float64: in float32, 1 − 0.999 is off by 1.3e−5 relative, since 0.999
 * itself rounds. crosscheck.ts proves this is tf.train.adam's update.
 */
import { z } from "zod";
import { parameterSetSchema, type ParameterSet } from "../../lib/parameter-sets";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const rate = z.number().min(0).lt(1);
export const argsSchema = z.tuple([
  parameterSetSchema,
  parameterSetSchema,
  parameterSetSchema,
  parameterSetSchema,
  z.number().int().min(1),
  z.number().positive(),
  rate,
  rate,
  z.number().positive(),
]);

export type AdamState = {
  parameters: ParameterSet;
  v: ParameterSet;
  s: ParameterSet;
};

export function adamStep(parameters: ParameterSet, grads: ParameterSet, v: ParameterSet, s: ParameterSet, t: number, alpha: number, beta1: number, beta2: number, epsilon: number): AdamState {
  const next: AdamState = { parameters: {}, v: {}, s: {} };
  const correction1 = 1 - beta1 ** t;
  const correction2 = 1 - beta2 ** t;
  for (const name of Object.keys(parameters)) {
    const key = `d${name}`;
    const [first, second, updated] = tf.tidy(() => {
      const gradient = tf.tensor2d(grads[key]!);
      const first = tf.tensor2d(v[key]!).mul(beta1).add(gradient.mul(1 - beta1));
      const second = tf.tensor2d(s[key]!).mul(beta2).add(gradient.square().mul(1 - beta2));
      const step = first.div(correction1).div(second.div(correction2).sqrt().add(epsilon)).mul(alpha);
      return [first, second, tf.tensor2d(parameters[name]!).sub(step)];
    });
    next.v[key] = first!.arraySync() as number[][];
    next.s[key] = second!.arraySync() as number[][];
    next.parameters[name] = updated!.arraySync() as number[][];
    tf.dispose([first!, second!, updated!]);
  }
  return next;
}

const reference: ExerciseReference = (...args) => adamStep(...argsSchema.parse(args));

export default reference;
