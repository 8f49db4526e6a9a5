/** Misconception "global-max-shift": subtracts the largest logit of the whole matrix from every group. */
export function softmax(Z: number[][], axis: number): number[][] {
  const rows = Z.length;
  const cols = Z[0]!.length;
  let max = -Infinity;
  for (const row of Z) for (const z of row) max = Math.max(max, z);
  const out: number[][] = Z.map((row) => row.map((z) => Math.exp(z - max)));
  if (axis === 1) {
    for (let i = 0; i < rows; i++) {
      const sum = out[i]!.reduce((s, e) => s + e, 0);
      out[i] = out[i]!.map((e) => e / sum);
    }
  } else {
    for (let j = 0; j < cols; j++) {
      let sum = 0;
      for (let i = 0; i < rows; i++) sum += out[i]![j]!;
      for (let i = 0; i < rows; i++) out[i]![j] = out[i]![j]! / sum;
    }
  }
  return out;
}
