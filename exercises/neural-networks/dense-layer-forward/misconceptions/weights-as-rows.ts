/** Misconception "weights-as-rows": takes row j of W as unit j's weight vector (W read as [units][n_in]), i.e. uses Wᵀ. */
export function denseForward(A_in: number[][], W: number[][], b: number[], activation: string): number[][] {
  const g = (z: number): number => (activation === "sigmoid" ? 1 / (1 + Math.exp(-z)) : activation === "relu" ? Math.max(0, z) : z);
  return A_in.map((a) => b.map((bj, j) => g(W[j]!.reduce((z, w, k) => z + w * a[k]!, bj))));
}
