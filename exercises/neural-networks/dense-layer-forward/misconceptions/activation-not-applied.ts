/** Misconception "activation-not-applied": returns z = w_j · a + b_j whatever activation is named (a linear layer). */
export function denseForward(A_in: number[][], W: number[][], b: number[], activation: string): number[][] {
  return A_in.map((a) =>
    b.map((bj, j) => {
      let z = bj;
      for (let k = 0; k < a.length; k++) z += a[k]! * W[k]![j]!;
      return z;
    }),
  );
}
