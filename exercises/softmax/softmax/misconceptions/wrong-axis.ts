/** Misconception "wrong-axis": always normalises each row, whatever axis says. */
export function softmax(Z: number[][], axis: number): number[][] {
  return Z.map((row) => {
    const max = Math.max(...row);
    const e = row.map((z) => Math.exp(z - max));
    const sum = e.reduce((s, v) => s + v, 0);
    return e.map((v) => v / sum);
  });
}
