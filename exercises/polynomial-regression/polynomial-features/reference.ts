/**
 * The oracle, from exponent vectors rather than index tuples: every monomial is x^p = Π_j x_j^{p_j} for an
 * exponent vector p with 1 ≤ Σp ≤ degree; the vectors are sorted by total degree, then in descending
 * lexicographic order (x₁² before x₁x₂ before x₂²), which is the order of the statement. TensorFlow.js raises
 * the m×1×n inputs to the 1×K×n exponents (tf.pow) and multiplies along the features (tf.prod). Inputs are
 * multiples of 1/8 of magnitude ≤ 4 and degrees ≤ 4, so every power and product is exact in float32.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const argsSchema = z
  .tuple([z.array(z.array(z.number()).min(1)).min(1), z.number().int().min(1).max(6)])
  .refine(([X]) => X.every((row) => row.length === X[0]!.length), "every row of X needs the same number of features");

/** Exponent vectors of every monomial of total degree 1…degree in n variables, in the statement's order. */
export function exponents(n: number, degree: number): number[][] {
  let all: number[][] = [[]];
  for (let j = 0; j < n; j++) all = all.flatMap((prefix) => Array.from({ length: degree + 1 }, (_, p) => [...prefix, p]));
  const total = (p: number[]): number => p.reduce((s, v) => s + v, 0);
  const kept = all.filter((p) => total(p) >= 1 && total(p) <= degree);
  return kept.sort((a, b) => total(a) - total(b) || compareDescending(a, b));
}

function compareDescending(a: number[], b: number[]): number {
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return b[j]! - a[j]!;
  return 0;
}

const reference: ExerciseReference = (...args) => {
  const [X, degree] = argsSchema.parse(args);
  const n = X[0]!.length;
  const P = exponents(n, degree);
  const result = tf.tidy(() => {
    const x = tf.tensor2d(X).expandDims(1); // m × 1 × n
    const p = tf.tensor2d(P).expandDims(0); // 1 × K × n
    return tf.prod(tf.pow(x, p), 2);
  });
  const value = result.arraySync() as number[][];
  result.dispose();
  return value;
};

export default reference;
