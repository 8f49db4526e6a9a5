/** Misconception "bias-after-activation": computes g(w_j · a) + b_j instead of g(w_j · a + b_j). */
export function denseForward(A_in: number[][], W: number[][], b: number[], activation: string): number[][] {
  const g = (z: number): number => (activation === "sigmoid" ? 1 / (1 + Math.exp(-z)) : activation === "relu" ? Math.max(0, z) : z);
  return A_in.map((a) =>
    b.map((bj, j) => {
      let z = 0;
      for (let k = 0; k < a.length; k++) z += a[k]! * W[k]![j]!;
      return g(z) + bj;
    }),
  );
}
