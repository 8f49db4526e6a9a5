/** Misconception "one-side-only": adds the `pad` zero rows and columns only at the top and the left. */
export function zeroPad(X: number[][][][], pad: number): number[][][][] {
  return X.map((image) => {
    const nW = image[0]!.length;
    const nC = image[0]![0]!.length;
    const zeros = (): number[] => new Array<number>(nC).fill(0);
    const top = Array.from({ length: pad }, () => Array.from({ length: nW + pad }, zeros));
    const rows = image.map((row) => [...Array.from({ length: pad }, zeros), ...row.map((pixel) => [...pixel])]);
    return [...top, ...rows];
  });
}
