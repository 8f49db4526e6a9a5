/** Misconception `tanh-derivative-missing`: dz = daNext, the factor tanh′(z) = 1 − (a<t>)² left out. */
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
    // The upstream gradient passed straight through: no tanh′ factor.
    const dz = daNext[i]!.slice();
    dxt.push(x.map((_, k) => dz.reduce((sum, d, j) => sum + d * Wax[j]![k]!, 0)));
    daPrev.push(a.map((_, k) => dz.reduce((sum, d, j) => sum + d * Waa[j]![k]!, 0)));
    dz.forEach((d, j) => {
      for (let k = 0; k < nx; k++) dWax[j]![k]! += d * x[k]!;
      for (let k = 0; k < na; k++) dWaa[j]![k]! += d * a[k]!;
      dba[j]! += d;
    });
  });
  return { dxt, daPrev, dWax, dWaa, dba };
}
