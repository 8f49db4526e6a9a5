/** Misconception "xavier-one-over-fan-in": uses the notes' tanh rule √(1/n[l−1]) where Glorot's √(2/(n[l−1] + n[l])) is asked for. */
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
    const std = method === "he" ? Math.sqrt(2 / fanIn) : Math.sqrt(1 / fanIn);
    W.push(normals[l - 1]!.map((row) => row.map((z) => z * std)));
    b.push(Array.from({ length: fanOut }, () => [0]));
  }
  return { W, b };
}
