/** Misconception "forgot-width": adds zero rows above and below but no zero columns left and right. */
export function zeroPad(X: number[][][][], pad: number): number[][][][] {
  return X.map((image) => {
    const nW = image[0]!.length;
    const nC = image[0]![0]!.length;
    const zeroRow = (): number[][] => Array.from({ length: nW }, () => new Array<number>(nC).fill(0));
    const border = (): number[][][] => Array.from({ length: pad }, zeroRow);
    return [...border(), ...image.map((row) => row.map((pixel) => [...pixel])), ...border()];
  });
}
