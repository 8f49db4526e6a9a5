/** Misconception "notes-product-of-fans": copies the notes' Glorot variance 2/(n[l−1] × n[l]), a product instead of a sum. */
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
    const std = method === "he" ? Math.sqrt(2 / fanIn) : Math.sqrt(2 / (fanIn * fanOut));
    W.push(normals[l - 1]!.map((row) => row.map((z) => z * std)));
    b.push(Array.from({ length: fanOut }, () => [0]));
  }
  return { W, b };
}
