/**
 * Each group of logits (a row for axis 1, a column for axis 0) is shifted by its own maximum M before
 * exponentiating: every e^{z−M} is at most 1, one of them equals 1, so nothing overflows and the sum is ≥ 1.
 */
export function softmax(Z: number[][], axis: number): number[][] {
  if (axis !== 0 && axis !== 1) throw new Error(`axis must be 0 or 1, got ${axis}`);
  const rows = Z.length;
  const cols = Z[0]!.length;
  // mutant-equivalent(0 → 1): every entry is overwritten in the loop below
  const out: number[][] = Z.map((row) => new Array<number>(row.length).fill(0));
  const groups = axis === 1 ? rows : cols;
  const size = axis === 1 ? cols : rows;
  const at = (g: number, k: number): [number, number] => (axis === 1 ? [g, k] : [k, g]);
  for (let g = 0; g < groups; g++) {
    let max = -Infinity;
    for (let k = 0; k < size; k++) {
      const [i, j] = at(g, k);
      max = Math.max(max, Z[i]![j]!);
    }
    let sum = 0;
    for (let k = 0; k < size; k++) {
      const [i, j] = at(g, k);
      const e = Math.exp(Z[i]![j]! - max);
      out[i]![j] = e;
      sum += e;
    }
    for (let k = 0; k < size; k++) {
      const [i, j] = at(g, k);
      out[i]![j] = out[i]![j]! / sum;
    }
  }
  return out;
}
