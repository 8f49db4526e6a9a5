/** Misconception "drops-last-partial-batch": makes only the ⌊m / size⌋ full batches and leaves the remaining examples out. */
export function randomMiniBatches(
  X: number[][],
  Y: number[][],
  permutation: number[],
  miniBatchSize: number,
): { X: number[][]; Y: number[][] }[] {
  const m = permutation.length;
  const shuffle = (M: number[][]): number[][] => M.map((row) => permutation.map((column) => row[column]!));
  const shuffledX = shuffle(X);
  const shuffledY = shuffle(Y);
  const batches: { X: number[][]; Y: number[][] }[] = [];
  for (let start = 0; start + miniBatchSize <= m; start += miniBatchSize) {
    const end = start + miniBatchSize;
    batches.push({
      X: shuffledX.map((row) => row.slice(start, end)),
      Y: shuffledY.map((row) => row.slice(start, end)),
    });
  }
  return batches;
}
