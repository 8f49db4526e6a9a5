/** Walks the padded grid: a position inside the original image copies its pixel, every other one is all zeros. */
export function zeroPad(X: number[][][][], pad: number): number[][][][] {
  const padded: number[][][][] = [];
  for (const image of X) {
    const nH = image.length;
    const nW = image[0]!.length;
    const nC = image[0]![0]!.length;
    const out: number[][][] = [];
    for (let h = 0; h < nH + 2 * pad; h++) {
      const row: number[][] = [];
      for (let w = 0; w < nW + 2 * pad; w++) {
        const inside = h >= pad && h < nH + pad && w >= pad && w < nW + pad;
        row.push(inside ? [...image[h - pad]![w - pad]!] : new Array<number>(nC).fill(0));
      }
      out.push(row);
    }
    padded.push(out);
  }
  return padded;
}
