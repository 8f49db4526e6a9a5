/** Misconception "pads-batch": pads all four axes, so `pad` all-zero images appear before and after the batch. */
export function zeroPad(X: number[][][][], pad: number): number[][][][] {
  const nH = X[0]!.length;
  const nW = X[0]![0]!.length;
  const nC = X[0]![0]![0]!.length;
  const zeroPixel = (): number[] => new Array<number>(nC).fill(0);
  const zeroRow = (): number[][] => Array.from({ length: nW + 2 * pad }, zeroPixel);
  const border = (): number[][][] => Array.from({ length: pad }, zeroRow);
  const edge = (): number[][] => Array.from({ length: pad }, zeroPixel);
  const padded = X.map((image) => [...border(), ...image.map((row) => [...edge(), ...row.map((pixel) => [...pixel]), ...edge()]), ...border()]);
  const zeroImage = (): number[][][] => Array.from({ length: nH + 2 * pad }, zeroRow);
  return [...Array.from({ length: pad }, zeroImage), ...padded, ...Array.from({ length: pad }, zeroImage)];
}
