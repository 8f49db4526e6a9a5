/** Gather the columns in permutation order, then slice consecutive runs of miniBatchSize columns. */
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
  // Start at every multiple of the batch size; the last slice is shorter when m is not a multiple.
  for (let start = 0; start < m; start += miniBatchSize) {
    const end = Math.min(start + miniBatchSize, m);
    batches.push({
      X: shuffledX.map((row) => row.slice(start, end)),
      Y: shuffledY.map((row) => row.slice(start, end)),
    });
  }
  return batches;
}
