/** Misconception `exponent-uses-i`: the frequency of pair i written 1 / 10000^(i/d), with i where the formula has 2i. */
function encoding(seqLen: number, d: number): number[][] {
  return Array.from({ length: seqLen }, (_, pos) =>
    Array.from({ length: d }, (_, j) => {
      const i = Math.floor(j / 2);
      const angle = pos / Math.pow(10000, i / d);
      return j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }),
  );
}

export function positionalEncoding(X: number[][]): { P: number[][]; output: number[][] } {
  const P = encoding(X.length, X[0]!.length);
  return { P, output: X.map((row, pos) => row.map((x, j) => x + P[pos]![j]!)) };
}
