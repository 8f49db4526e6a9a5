/** Misconception "not-shuffled": cuts X and Y into batches in their original order, ignoring the permutation. */
export function randomMiniBatches(
  X: number[][],
  Y: number[][],
  permutation: number[],
  miniBatchSize: number,
): { X: number[][]; Y: number[][] }[] {
  const m = permutation.length;
  const shuffle = (M: number[][]): number[][] => M;
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
