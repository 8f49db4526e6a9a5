/**
 * The oracle: one RMSprop step in TensorFlow.js ops, S ← β·S + (1 − β)·dW², W ← W − α·dW / (√S + ε).
 * `epsilonPlacement: "inside"` gives TensorFlow's own form, W ← W − α·dW / √(S + ε), which crosscheck.ts proves
 * equal to tf.train.rmsprop; the statement explains the difference.
 */
import { z } from "zod";
import { parameterSetSchema, type ParameterSet } from "../../lib/parameter-sets";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const argsSchema = z.tuple([
  parameterSetSchema,
  parameterSetSchema,
  parameterSetSchema,
  z.number().min(0).lt(1),
  z.number().positive(),
  z.number().positive(),
]);

export function rmspropStep(
  parameters: ParameterSet,
  grads: ParameterSet,
  s: ParameterSet,
  beta: number,
  alpha: number,
  epsilon: number,
  epsilonPlacement: "outside" | "inside" = "outside",
): { parameters: ParameterSet; s: ParameterSet } {
  const newParameters: ParameterSet = {};
  const newS: ParameterSet = {};
  for (const name of Object.keys(parameters)) {
    const key = `d${name}`;
    const [meanSquare, updated] = tf.tidy(() => {
      const gradient = tf.tensor2d(grads[key]!);
      const meanSquare = tf.tensor2d(s[key]!).mul(beta).add(gradient.square().mul(1 - beta));
      const denominator = epsilonPlacement === "outside" ? meanSquare.sqrt().add(epsilon) : meanSquare.add(epsilon).sqrt();
      return [meanSquare, tf.tensor2d(parameters[name]!).sub(gradient.mul(alpha).div(denominator))];
    });
    newS[key] = meanSquare!.arraySync() as number[][];
    newParameters[name] = updated!.arraySync() as number[][];
    tf.dispose([meanSquare!, updated!]);
  }
  return { parameters: newParameters, s: newS };
}

const reference: ExerciseReference = (...args) => rmspropStep(...argsSchema.parse(args));

export default reference;
