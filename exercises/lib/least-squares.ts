/**
 * Least squares for references that need a closed-form fit: TensorFlow.js's QR factorisation (tf.linalg.qr,
 * float32) of the design matrix A, refined in float64 (mixed-precision iterative refinement, as LAPACK's
 * dsgesv does). The residual Aᵀ(y − Aθ) is computed in float64 from the exact A, and the float32 R solves
 * RᵀRδ = residual for the correction; each round shrinks the error by about cond(A)²·6e-8, so a few rounds
 * reach float64 accuracy on well-conditioned problems. TensorFlow.js has no linear solver; the factorisation
 * is its part, the two triangular solves are plain float64 loops.
 */
import { tf } from "./tf";

/**
 * θ minimising ‖Aθ − y‖², or null when A does not have full column rank (fewer rows than columns, or a
 * diagonal entry of R below `rankTolerance` of the largest, or NaN from tfjs's Householder step on an exactly
 * dependent column).
 *
 * @param A m×p design matrix, row-major
 * @param y the m targets
 */
export function solveLeastSquares(A: number[][], y: number[], rounds = 8, rankTolerance = 1e-4): number[] | null {
  const m = A.length;
  const p = A[0]!.length;
  if (m < p) return null;
  const R = tf.tidy(() => {
    const [, r] = tf.linalg.qr(tf.tensor2d(A));
    return r!;
  });
  const upper = (R.arraySync() as number[][]).slice(0, p);
  R.dispose();
  const diagonal = upper.map((row, k) => Math.abs(row[k]!));
  const largest = Math.max(...diagonal);
  if (!diagonal.every((d) => d >= rankTolerance * largest)) return null;
  const solveRtR = (g: number[]): number[] => {
    const u = new Array<number>(p).fill(0);
    for (let k = 0; k < p; k++) {
      let s = g[k]!;
      for (let c = 0; c < k; c++) s -= upper[c]![k]! * u[c]!;
      u[k] = s / upper[k]![k]!;
    }
    const d = new Array<number>(p).fill(0);
    for (let k = p - 1; k >= 0; k--) {
      let s = u[k]!;
      for (let c = k + 1; c < p; c++) s -= upper[k]![c]! * d[c]!;
      d[k] = s / upper[k]![k]!;
    }
    return d;
  };
  const theta = new Array<number>(p).fill(0);
  for (let round = 0; round < rounds; round++) {
    const residual = A.map((row, i) => y[i]! - row.reduce((s, a, c) => s + a * theta[c]!, 0));
    const gradient = Array.from({ length: p }, (_, c) => A.reduce((s, row, i) => s + row[c]! * residual[i]!, 0));
    const step = solveRtR(gradient);
    for (let c = 0; c < p; c++) theta[c] = theta[c]! + step[c]!;
  }
  return theta;
}
