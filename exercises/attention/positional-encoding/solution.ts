/** Model solution for `positional-encoding` (plain TypeScript, float64). */
function encoding(seqLen: number, d: number): number[][] {
  return Array.from({ length: seqLen }, (_, pos) =>
    Array.from({ length: d }, (_, j) => {
      // Columns 2i and 2i + 1 share the frequency 1 / 10000^(2i/d); the even one is the sine.
      const twoI = j - (j % 2);
      const angle = pos / Math.pow(10000, twoI / d);
      return j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }),
  );
}

export function positionalEncoding(X: number[][]): { P: number[][]; output: number[][] } {
  const P = encoding(X.length, X[0]!.length);
  return { P, output: X.map((row, pos) => row.map((x, j) => x + P[pos]![j]!)) };
}
