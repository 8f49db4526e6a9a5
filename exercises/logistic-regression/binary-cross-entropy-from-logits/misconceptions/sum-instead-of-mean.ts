/** Misconception "sum-instead-of-mean": adds the m losses without dividing by m. */
export function binaryCrossEntropyFromLogits(z: number[], y: number[]): number {
  let total = 0;
  for (let i = 0; i < z.length; i++) {
    const zi = z[i]!;
    total += Math.max(zi, 0) - zi * y[i]! + Math.log1p(Math.exp(-Math.abs(zi)));
  }
  return total;
}
