/**
 * The oracle: TensorFlow.js maps the draws through the exponents (tf.pow(10, r)). The exponents' end points,
 * log10 of the bounds, are computed in float64 and the power applied by TensorFlow.js in float32, which keeps
 * α within 1e−6 relative; β = 1 − 10^r is formed in float64 from the float32 10^r so that β near 1 keeps its
 * digits (1 − β is what was sampled).
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const draws = z.array(z.number().min(0).lt(1));
export const argsSchema = z.tuple([draws, z.number().positive(), z.number().positive(), draws, z.number().min(0).lt(1), z.number().min(0).lt(1)]);

function powersOfTen(u: number[], low: number, high: number): number[] {
  if (u.length === 0) return [];
  const powers = tf.tidy(() => tf.pow(tf.scalar(10), tf.tensor1d(u).mul(high - low).add(low)));
  const values = powers.arraySync() as number[];
  powers.dispose();
  return values;
}

const reference: ExerciseReference = (...args) => {
  const [uAlpha, alphaMin, alphaMax, uBeta, betaMin, betaMax] = argsSchema.parse(args);
  return {
    alpha: powersOfTen(uAlpha, Math.log10(alphaMin), Math.log10(alphaMax)),
    beta: powersOfTen(uBeta, Math.log10(1 - betaMin), Math.log10(1 - betaMax)).map((p) => 1 - p),
  };
};

export default reference;
