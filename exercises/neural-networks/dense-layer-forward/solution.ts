/** Row by row: z_j = Σ_k a_k·W[k][j] + b_j (column j of W is unit j's weight vector w_j), then g applied to each z_j. */
export function denseForward(A_in: number[][], W: number[][], b: number[], activation: string): number[][] {
  const g = (z: number): number => {
    switch (activation) {
      case "sigmoid":
        // For z ≪ 0, e^{−z} overflows to Infinity and 1/(1 + Infinity) is the right 0: no NaN on either side.
        return 1 / (1 + Math.exp(-z));
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
