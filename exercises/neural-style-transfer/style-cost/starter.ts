/**
 * The style cost of one layer l, as in the course:
 *   J_style^[l](S, G) = 1/(2·n_H·n_W·n_C)² · Σ_k Σ_k' (G^(S)[k][k'] − G^(G)[k][k'])²
 * where G^(S) and G^(G) are the style (Gram) matrices of the two activations: G[k][k'] = Σ_i Σ_j a_ijk · a_ijk',
 * i.e. A Aᵀ with A unrolled to [n_C, n_H·n_W] (reshape to [n_H·n_W, n_C], then transpose).
 *
 * @param a_S the style image's activation at layer l, NHWC with m = 1: shape [1, n_H, n_W, n_C]
 * @param a_G the generated image's activation at the same layer, same shape
 * @returns J_style^[l], a number
 */
export function layerStyleCost(a_S: number[][][][], a_G: number[][][][]): number {
  // Replace this placeholder with your implementation.
  return a_S.length + a_G.length;
}
