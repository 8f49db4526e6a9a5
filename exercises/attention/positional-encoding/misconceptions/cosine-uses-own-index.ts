/** Misconception `cosine-uses-own-index`: every column j uses 1 / 10000^(j/d), so the cosine of pair i gets exponent (2i + 1)/d. */
function encoding(seqLen: number, d: number): number[][] {
  return Array.from({ length: seqLen }, (_, pos) =>
    Array.from({ length: d }, (_, j) => {
      const angle = pos / Math.pow(10000, j / d);
      return j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }),
  );
}

export function positionalEncoding(X: number[][]): { P: number[][]; output: number[][] } {
  const P = encoding(X.length, X[0]!.length);
  return { P, output: X.map((row, pos) => row.map((x, j) => x + P[pos]![j]!)) };
}
