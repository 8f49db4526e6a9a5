/**
 * The oracle: least squares through TensorFlow.js's QR factorisation, not the normal equations themselves.
 * tf.linalg.qr factors A = [1 | X] = QR in float32; then AᵀA = RᵀR, so θ solves RᵀRθ = Aᵀy. Float32 alone would
 * leave errors near cond(A)²·6e-8, so the reference refines in float64 (mixed-precision iterative refinement, as
 * LAPACK's dsgesv does): the residual Aᵀ(y − Aθ) is computed in float64 and the float32 R solves for the
 * correction. Each round shrinks the error by about cond(A)²·6e-8 (< 1e-3 on these cases); eight rounds reach
 * float64 accuracy. A = [1 | X] is rank-deficient (AᵀA singular) when m < n + 1 or when a diagonal entry of R
 * falls below 1e-4 of the largest (or is NaN: tfjs's Householder step divides by the zero norm of an exactly
 * dependent column) — the full-rank cases stay above 3e-2.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const argsSchema = z
  .tuple([z.array(z.array(z.number()).min(1)).min(1), z.array(z.number()).min(1)])
  .refine(([X, y]) => X.length === y.length, "X and y need one row per example")
  .refine(([X]) => X.every((row) => row.length === X[0]!.length), "every row of X needs the same number of features");

/** Smallest |R_kk| over the largest: below this, A = [1 | X] does not have full column rank. */
export const rankTolerance = 1e-4;

export function qrFactor(A: number[][]): number[][] {
  const [q, r] = tf.linalg.qr(tf.tensor2d(A));
  const R = r!.arraySync() as number[][];
  q!.dispose();
  r!.dispose();
  return R;
}

/** What a singular AᵀA returns: no weights, b = 0 and the flag (null would read as "threw" to the diagnosis). */
const singular = { w: [], b: 0, singular: true };

const reference: ExerciseReference = (...args) => {
  const [X, y] = argsSchema.parse(args);
  const m = X.length;
  const p = X[0]!.length + 1;
  if (m < p) return singular;
  const A = X.map((row) => [1, ...row]);
  const R = qrFactor(A).slice(0, p);
  const diagonal = R.map((row, k) => Math.abs(row[k]!));
  const largest = Math.max(...diagonal);
  // An exactly dependent column leaves a zero Householder vector, which tfjs's QR turns into NaN: also singular.
  if (!diagonal.every((d) => d >= rankTolerance * largest)) return singular;
  // Solves RᵀR δ = g: forward substitution with Rᵀ, then back substitution with R (float64).
  const solveRtR = (g: number[]): number[] => {
    const u = new Array<number>(p).fill(0);
    for (let k = 0; k < p; k++) {
      let s = g[k]!;
      for (let c = 0; c < k; c++) s -= R[c]![k]! * u[c]!;
      u[k] = s / R[k]![k]!;
    }
    const d = new Array<number>(p).fill(0);
    for (let k = p - 1; k >= 0; k--) {
      let s = u[k]!;
      for (let c = k + 1; c < p; c++) s -= R[k]![c]! * d[c]!;
      d[k] = s / R[k]![k]!;
    }
    return d;
  };
  const theta = new Array<number>(p).fill(0);
  for (let round = 0; round < 8; round++) {
    const residual = A.map((row, i) => y[i]! - row.reduce((s, a, c) => s + a * theta[c]!, 0));
    const gradient = Array.from({ length: p }, (_, c) => A.reduce((s, row, i) => s + row[c]! * residual[i]!, 0));
    const step = solveRtR(gradient);
    for (let c = 0; c < p; c++) theta[c] = theta[c]! + step[c]!;
  }
  return { w: theta.slice(1), b: theta[0]!, singular: false };
};

export default reference;
