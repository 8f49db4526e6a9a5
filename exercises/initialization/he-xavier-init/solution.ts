/**
 * Each layer's draws are multiplied by the standard deviation √Var(w): He keeps Var(z) steady through ReLU
 * layers with Var(w) = 2/n[l−1]; Glorot averages fan-in and fan-out, Var(w) = 2/(n[l−1] + n[l]).
 */
export function initializeParameters(
  layerDims: number[],
  normals: number[][][],
  method: "he" | "xavier",
): { W: number[][][]; b: number[][][] } {
  const W: number[][][] = [];
  const b: number[][][] = [];
  for (let l = 1; l < layerDims.length; l++) {
    const fanIn = layerDims[l - 1]!;
    const fanOut = layerDims[l]!;
    const variance = method === "he" ? 2 / fanIn : 2 / (fanIn + fanOut);
    const std = Math.sqrt(variance);
    W.push(normals[l - 1]!.map((row) => row.map((z) => z * std)));
    b.push(Array.from({ length: fanOut }, () => [0]));
  }
  return { W, b };
}
