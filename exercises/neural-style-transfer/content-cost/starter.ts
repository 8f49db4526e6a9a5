/**
 * The content cost of one layer l, with the course assignment's normalisation:
 *   J_content(C, G) = 1/(4·n_H·n_W·n_C) · Σ_{i,j,k} (a^(C)[i][j][k] − a^(G)[i][j][k])²
 * (the lecture writes 1/2·‖a^(C) − a^(G)‖²; this exercise uses the assignment's 1/(4·n_H·n_W·n_C)).
 *
 * @param a_C the content image's activation at layer l, NHWC with m = 1: shape [1, n_H, n_W, n_C]
 * @param a_G the generated image's activation at the same layer, same shape
 * @returns J_content, a number
 */
export function contentCost(a_C: number[][][][], a_G: number[][][][]): number {
  // Replace this placeholder with your implementation.
  return a_C.length - a_G.length;
}
