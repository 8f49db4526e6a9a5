/** Misconception "scale-and-shift-omitted": returns z_norm, without γ and β. */
export function batchNormInference(
  Z: number[][],
  gamma: number[],
  beta: number[],
  runningMean: number[],
  runningVar: number[],
  epsilon: number,
): number[][] {
  return Z.map((row) => row.map((z, j) => (z - runningMean[j]!) / Math.sqrt(runningVar[j]! + epsilon)));
}
