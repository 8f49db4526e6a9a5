/** Model solution for `rnn-cell-backward` (plain TypeScript, float64). */
export function rnnCellBackward(
  daNext: number[][],
  xt: number[][],
  aPrev: number[][],
  Waa: number[][],
  Wax: number[][],
  ba: number[],
): { dxt: number[][]; daPrev: number[][]; dWax: number[][]; dWaa: number[][]; dba: number[] } {
  const na = ba.length;
  const nx = Wax[0]!.length;
  const dWax = Wax.map((row) => row.map(() => 0));
  const dWaa = Waa.map((row) => row.map(() => 0));
  const dba = ba.map(() => 0);
  const dxt: number[][] = [];
  const daPrev: number[][] = [];
  xt.forEach((x, i) => {
    const a = aPrev[i]!;
    // Recompute a<t> for this example; tanh'(z) = 1 − tanh(z)² = 1 − (a<t>)².
    const dz = ba.map((b, j) => {
      let z = b;
      for (let k = 0; k < na; k++) z += Waa[j]![k]! * a[k]!;
      for (let k = 0; k < nx; k++) z += Wax[j]![k]! * x[k]!;
      const aNext = Math.tanh(z);
      return daNext[i]![j]! * (1 - aNext * aNext);
    });
    // dx<t> = W_axᵀ dz and da<t−1> = W_aaᵀ dz (column form), one row per example.
    dxt.push(x.map((_, k) => dz.reduce((sum, d, j) => sum + d * Wax[j]![k]!, 0)));
    daPrev.push(a.map((_, k) => dz.reduce((sum, d, j) => sum + d * Waa[j]![k]!, 0)));
    // The parameters serve every example: their gradients add up over the batch.
    dz.forEach((d, j) => {
      for (let k = 0; k < nx; k++) dWax[j]![k]! += d * x[k]!;
      for (let k = 0; k < na; k++) dWaa[j]![k]! += d * a[k]!;
      dba[j]! += d;
    });
  });
  return { dxt, daPrev, dWax, dWaa, dba };
}
