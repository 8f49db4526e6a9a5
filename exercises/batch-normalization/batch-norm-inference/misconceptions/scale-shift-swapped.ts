/** Misconception "scale-shift-swapped": multiplies by β and adds γ. */
export function batchNormInference(
  Z: number[][],
  gamma: number[],
  beta: number[],
  runningMean: number[],
  runningVar: number[],
  epsilon: number,
): number[][] {
  return Z.map((row) => row.map((z, j) => beta[j]! * ((z - runningMean[j]!) / Math.sqrt(runningVar[j]! + epsilon)) + gamma[j]!));
}
