/** Misconception "shift-in-numerator-only": e^{z_j − M} / Σ_k e^{z_k}, so each group sums to e^{−M}. */
export function softmax(Z: number[][], axis: number): number[][] {
  const rows = Z.length;
  const cols = Z[0]!.length;
  const out: number[][] = Z.map((row) => row.map(() => 0));
  const groups = axis === 1 ? rows : cols;
  const size = axis === 1 ? cols : rows;
  for (let g = 0; g < groups; g++) {
    const values: number[] = [];
    for (let k = 0; k < size; k++) values.push(axis === 1 ? Z[g]![k]! : Z[k]![g]!);
    const max = Math.max(...values);
    const sum = values.reduce((s, z) => s + Math.exp(z), 0);
    for (let k = 0; k < size; k++) {
      const value = Math.exp(values[k]! - max) / sum;
      if (axis === 1) out[g]![k] = value;
      else out[k]![g] = value;
    }
  }
  return out;
}
