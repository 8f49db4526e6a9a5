/** Misconception "style-layers-averaged": divides the weighted sum of the layers' style costs by the number of layers (a mean). */
type Activation = number[][][][];

/** G = A Aᵀ with A = [n_C, n_H·n_W]: row k holds channel k at every position. */
function gram(a: Activation): number[][] {
  const image = a[0]!;
  const nC = image[0]![0]!.length;
  const A = Array.from({ length: nC }, (_, k) => image.flatMap((row) => row.map((pixel) => pixel[k]!)));
  return A.map((rowK) => A.map((rowK2) => rowK.reduce((sum, v, p) => sum + v * rowK2[p]!, 0)));
}

function contentCost(a_C: Activation, a_G: Activation): number {
  const c = a_C[0]!.flat(2);
  const g = a_G[0]!.flat(2);
  return c.reduce((s, v, p) => s + (v - g[p]!) ** 2, 0) / (4 * c.length);
}

function layerStyleCost(a_S: Activation, a_G: Activation): number {
  const GS = gram(a_S);
  const GG = gram(a_G);
  const positions = a_S[0]!.flat().length;
  const sum = GS.reduce((s, row, k) => row.reduce((t, v, k2) => t + (v - GG[k]![k2]!) ** 2, s), 0);
  return sum / (2 * positions * GS.length) ** 2;
}

export function totalCost(
  contentLayer: { a_C: Activation; a_G: Activation },
  styleLayers: { a_S: Activation; a_G: Activation; lambda: number }[],
  alpha: number,
  beta: number,
): { J_content: number; J_style: number; J: number } {
  const J_content = contentCost(contentLayer.a_C, contentLayer.a_G);
  const J_style = styleLayers.reduce((s, layer) => s + layer.lambda * layerStyleCost(layer.a_S, layer.a_G), 0) / styleLayers.length;
  return { J_content, J_style, J: alpha * J_content + beta * J_style };
}
