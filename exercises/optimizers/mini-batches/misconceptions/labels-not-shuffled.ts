/** Misconception "labels-not-shuffled": shuffles the columns of X but slices Y in its original order, so examples lose their labels. */
export function randomMiniBatches(
  X: number[][],
  Y: number[][],
  permutation: number[],
  miniBatchSize: number,
): { X: number[][]; Y: number[][] }[] {
  const m = permutation.length;
  const shuffle = (M: number[][]): number[][] => M.map((row) => permutation.map((column) => row[column]!));
  const shuffledX = shuffle(X);
  const shuffledY = Y;
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
