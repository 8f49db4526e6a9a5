/** Misconception "he-with-fan-out": He scaling with the layer's own size n[l] (the rows of W) instead of its inputs n[l−1]. */
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
    const std = method === "he" ? Math.sqrt(2 / fanOut) : Math.sqrt(2 / (fanIn + fanOut));
    W.push(normals[l - 1]!.map((row) => row.map((z) => z * std)));
    b.push(Array.from({ length: fanOut }, () => [0]));
  }
  return { W, b };
}
