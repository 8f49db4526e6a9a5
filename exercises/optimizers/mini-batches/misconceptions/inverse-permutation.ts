/** Misconception "inverse-permutation": scatters instead of gathering: sends column k to position permutation[k]. */
export function randomMiniBatches(
  X: number[][],
  Y: number[][],
  permutation: number[],
  miniBatchSize: number,
): { X: number[][]; Y: number[][] }[] {
  const m = permutation.length;
  const shuffle = (M: number[][]): number[][] =>
    M.map((row) => {
      const out = new Array<number>(m);
      permutation.forEach((target, k) => (out[target] = row[k]!));
      return out;
    });
  const shuffledX = shuffle(X);
  const shuffledY = shuffle(Y);
  const batches: { X: number[][]; Y: number[][] }[] = [];
  for (let start = 0; start < m; start += miniBatchSize) {
    const end = Math.min(start + miniBatchSize, m);
    batches.push({
      X: shuffledX.map((row) => row.slice(start, end)),
      Y: shuffledY.map((row) => row.slice(start, end)),
    });
  }
  return batches;
}
