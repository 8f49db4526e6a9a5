/**
 * The oracle: least squares through TensorFlow.js's QR factorisation (../../lib/least-squares), not the normal
 * equations themselves.
 * tf.linalg.qr factors A = [1 | X] = QR in float32; then AᵀA = RᵀR, so θ solves RᵀRθ = Aᵀy. Float32 alone would
 * leave errors near cond(A)²·6e-8, so the reference refines in float64 (mixed-precision iterative refinement, as
 * LAPACK's dsgesv does): the residual Aᵀ(y − Aθ) is computed in float64 and the float32 R solves for the
 * correction. Each round shrinks the error by about cond(A)²·6e-8 (< 1e-3 on these cases); eight rounds reach
 * float64 accuracy. A = [1 | X] is rank-deficient (AᵀA singular) when m < n + 1 or when a diagonal entry of R
 * falls below 1e-4 of the largest (or is NaN: tfjs's Householder step divides by the zero norm of an exactly
 * dependent column) — the full-rank cases stay above 3e-2.
 */
import { z } from "zod";
import { solveLeastSquares } from "../../lib/least-squares";
import type { ExerciseReference } from "../../schema";

export const argsSchema = z
  .tuple([z.array(z.array(z.number()).min(1)).min(1), z.array(z.number()).min(1)])
  .refine(([X, y]) => X.length === y.length, "X and y need one row per example")
  .refine(([X]) => X.every((row) => row.length === X[0]!.length), "every row of X needs the same number of features");

/** What a singular AᵀA returns: no weights, b = 0 and the flag (null would read as "threw" to the diagnosis). */
const singular = { w: [], b: 0, singular: true };

const reference: ExerciseReference = (...args) => {
  const [X, y] = argsSchema.parse(args);
  const theta = solveLeastSquares(
    X.map((row) => [1, ...row]),
    y,
  );
  return theta === null ? singular : { w: theta.slice(1), b: theta[0]!, singular: false };
};

export default reference;
