/**
 * Initialises the parameters of an L-layer network from given standard-normal draws:
 *   He (ReLU layers):      W[l] = N[l] · √(2 / n[l−1])
 *   Xavier/Glorot (tanh):  W[l] = N[l] · √(2 / (n[l−1] + n[l]))
 *   b[l] = 0 (n[l] × 1) in both cases.
 * Matrices are arrays of rows.
 *
 * @param layerDims [n[0], n[1], …, n[L]]: n[0] inputs, then the units of each layer
 * @param normals   L standard-normal matrices; normals[l − 1] is N[l], shape n[l] × n[l−1]
 * @param method    "he" or "xavier"
 * @returns W (W[l − 1] is W[l], n[l] × n[l−1]) and b (b[l − 1] is b[l], n[l] × 1)
 */
export function initializeParameters(
  layerDims: number[],
  normals: number[][][],
  method: "he" | "xavier",
): { W: number[][][]; b: number[][][] } {
  // Replace these placeholders: scale each normals[l − 1] by the right standard deviation.
  const W = normals.map((N) => N.map((row) => row.map(() => 0)));
  const b = normals.map((N) => N.map(() => [1]));
  return { W, b };
}
