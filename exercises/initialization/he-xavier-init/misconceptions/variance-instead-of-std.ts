/** Misconception "variance-instead-of-std": multiplies the draws by the variance 2/n instead of its square root. */
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
    W.push(normals[l - 1]!.map((row) => row.map((z) => z * variance)));
    b.push(Array.from({ length: fanOut }, () => [0]));
  }
  return { W, b };
}
