/** Misconception `recurrent-weights-not-transposed`: da<t−1> = W_aa dz instead of W_aaᵀ dz (W_aa is square, so the shapes never complain). */
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
    const dz = ba.map((b, j) => {
      let z = b;
      for (let k = 0; k < na; k++) z += Waa[j]![k]! * a[k]!;
      for (let k = 0; k < nx; k++) z += Wax[j]![k]! * x[k]!;
      const aNext = Math.tanh(z);
      return daNext[i]![j]! * (1 - aNext * aNext);
    });
    dxt.push(x.map((_, k) => dz.reduce((sum, d, j) => sum + d * Wax[j]![k]!, 0)));
    daPrev.push(a.map((_, k) => dz.reduce((sum, d, j) => sum + d * Waa[k]![j]!, 0)));
    dz.forEach((d, j) => {
      for (let k = 0; k < nx; k++) dWax[j]![k]! += d * x[k]!;
      for (let k = 0; k < na; k++) dWaa[j]![k]! += d * a[k]!;
      dba[j]! += d;
    });
  });
  return { dxt, daPrev, dWax, dWaa, dba };
}
