/** Misconception "pads-channels": pads the channel axis too, as if every axis of a pixel's array needed zeros. */
export function zeroPad(X: number[][][][], pad: number): number[][][][] {
  return X.map((image) => {
    const nW = image[0]!.length;
    const nC = image[0]![0]!.length + 2 * pad;
    const zeroPixel = (): number[] => new Array<number>(nC).fill(0);
    const zeroRow = (): number[][] => Array.from({ length: nW + 2 * pad }, zeroPixel);
    const border = (): number[][][] => Array.from({ length: pad }, zeroRow);
    const edge = (): number[][] => Array.from({ length: pad }, zeroPixel);
    const padPixel = (pixel: number[]): number[] => [...new Array<number>(pad).fill(0), ...pixel, ...new Array<number>(pad).fill(0)];
    return [...border(), ...image.map((row) => [...edge(), ...row.map(padPixel), ...edge()]), ...border()];
  });
}
