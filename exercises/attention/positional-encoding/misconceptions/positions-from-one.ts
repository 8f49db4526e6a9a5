/** Misconception `positions-from-one`: the first row encodes position 1 instead of position 0. */
function encoding(seqLen: number, d: number): number[][] {
  return Array.from({ length: seqLen }, (_, row) =>
    Array.from({ length: d }, (_, j) => {
      const pos = row + 1;
      const angle = pos / Math.pow(10000, (j - (j % 2)) / d);
      return j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }),
  );
}

export function positionalEncoding(X: number[][]): { P: number[][]; output: number[][] } {
  const P = encoding(X.length, X[0]!.length);
  return { P, output: X.map((row, pos) => row.map((x, j) => x + P[pos]![j]!)) };
}
