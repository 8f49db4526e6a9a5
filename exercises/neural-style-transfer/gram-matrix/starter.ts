/**
 * The Gram (style) matrix of one layer's activation, as in the course's style-transfer assignment:
 *   G[k][k'] = Σ_i Σ_j a[0][i][j][k] · a[0][i][j][k']
 * i.e. G = A Aᵀ with A the activation unrolled to [n_C, n_H·n_W] (one row per channel, one column per
 * position). Unroll by reshaping to [n_H·n_W, n_C] and then transposing; reshaping straight to
 * [n_C, n_H·n_W] mixes channels. G is the raw sum: no normalisation here (the style cost divides later).
 *
 * @param a the activation a^[l], NHWC with m = 1: shape [1, n_H, n_W, n_C], a[0][i][j][k]
 * @returns G^[l], shape [n_C, n_C]
 */
export function gramMatrix(a: number[][][][]): number[][] {
  // Replace this placeholder with your implementation.
  const nC = a[0]![0]![0]!.length;
  return Array.from({ length: nC }, () => new Array<number>(nC).fill(0));
}
