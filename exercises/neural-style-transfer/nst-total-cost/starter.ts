type Activation = number[][][][];

/**
 * The neural-style-transfer cost of a generated image G, as in the course:
 *   J_content = 1/(4·n_H·n_W·n_C) · Σ (a^(C) − a^(G))²                     (one content layer)
 *   J_style^[l] = 1/(2·n_H·n_W·n_C)² · Σ_k Σ_k' (G^(S)[k][k'] − G^(G)[k][k'])²   (each style layer l,
 *                 G[k][k'] = Σ_i Σ_j a_ijk · a_ijk', the Gram matrix)
 *   J_style = Σ_l λ^[l] · J_style^[l]       (a weighted sum over the style layers, not a mean)
 *   J = α · J_content + β · J_style
 * Every activation is NHWC with m = 1: shape [1, n_H, n_W, n_C], its own n_H, n_W, n_C per layer.
 *
 * @param contentLayer { a_C, a_G }: C's and G's activations at the content layer, both [1, n_H, n_W, n_C]
 * @param styleLayers  [{ a_S, a_G, lambda }, …]: per style layer, S's and G's activations (same shape) and λ^[l]
 * @param alpha α, the weight of the content cost
 * @param beta  β, the weight of the style cost
 * @returns { J_content, J_style, J }
 */
export function totalCost(
  contentLayer: { a_C: Activation; a_G: Activation },
  styleLayers: { a_S: Activation; a_G: Activation; lambda: number }[],
  alpha: number,
  beta: number,
): { J_content: number; J_style: number; J: number } {
  // Replace this placeholder with your implementation.
  return { J_content: contentLayer.a_C.length, J_style: styleLayers.length, J: alpha + beta };
}
