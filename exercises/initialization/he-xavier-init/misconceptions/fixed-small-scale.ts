/** Misconception "fixed-small-scale": the notes' first recipe, randn(shape) * 0.01, for every layer whatever its size. */
export function initializeParameters(
  layerDims: number[],
  normals: number[][][],
  method: "he" | "xavier",
): { W: number[][][]; b: number[][][] } {
  const W: number[][][] = [];
  const b: number[][][] = [];
  for (let l = 1; l < layerDims.length; l++) {
    W.push(normals[l - 1]!.map((row) => row.map((z) => z * 0.01)));
    b.push(Array.from({ length: layerDims[l]! }, () => [0]));
  }
  return { W, b };
}
