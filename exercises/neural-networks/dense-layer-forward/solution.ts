/** Row by row: z_j = Σ_k a_k·W[k][j] + b_j (column j of W is unit j's weight vector w_j), then g applied to each z_j. */
export function denseForward(A_in: number[][], W: number[][], b: number[], activation: string): number[][] {
  const g = (z: number): number => {
    switch (activation) {
      case "sigmoid":
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      case "relu":
        return Math.max(0, z);
      case "linear":
        return z;
      default:
        throw new Error(`unknown activation "${activation}"`);
    }
  };
  return A_in.map((a) =>
    b.map((bj, j) => {
      let z = bj;
      for (let k = 0; k < a.length; k++) z += a[k]! * W[k]![j]!;
      return g(z);
    }),
  );
}
