/** Misconception `base-1000`: 1000 instead of 10000 as the base of the wavelengths. */
function encoding(seqLen: number, d: number): number[][] {
  return Array.from({ length: seqLen }, (_, pos) =>
    Array.from({ length: d }, (_, j) => {
      const angle = pos / Math.pow(1000, (j - (j % 2)) / d);
      return j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }),
  );
}

export function positionalEncoding(X: number[][]): { P: number[][]; output: number[][] } {
  const P = encoding(X.length, X[0]!.length);
  return { P, output: X.map((row, pos) => row.map((x, j) => x + P[pos]![j]!)) };
}
