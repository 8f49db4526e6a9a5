/** Misconception "window-not-strided": gets the output size right but starts window h at row h, not h·s. */
/** TensorFlow's padding along one axis: the output length and the padded positions before the first input. */
function axisGeometry(n: number, f: number, stride: number, padding: "valid" | "same"): { out: number; before: number } {
  if (padding === "same") {
    const out = Math.ceil(n / stride);
    // Total padding (out − 1)·s + f − n, ⌊·/2⌋ of it before; a negative total (f < s) means no padding.
    return { out, before: Math.max(Math.floor(((out - 1) * stride + f - n) / 2), 0) };
  }
  return { out: Math.floor((n - f) / stride) + 1, before: 0 };
}

/**
 * Each window is clipped to the input: padded positions hold no value, so the max never sees them and the
 * average divides by the number of input positions actually covered (TensorFlow's rule).
 */
export function poolForward(
  A_prev: number[][][][],
  f: number,
  stride: number,
  mode: "max" | "average",
  padding: "valid" | "same",
): number[][][][] {
  const nH = A_prev[0]!.length;
  const nW = A_prev[0]![0]!.length;
  const rows = axisGeometry(nH, f, stride, padding);
  const cols = axisGeometry(nW, f, stride, padding);
  return A_prev.map((image) => {
    const A: number[][][] = [];
    for (let h = 0; h < rows.out; h++) {
      const top = h - rows.before;
      const hLo = Math.max(top, 0);
      const hHi = Math.min(top + f, nH);
      const aRow: number[][] = [];
      for (let w = 0; w < cols.out; w++) {
        const left = w - cols.before;
        const wLo = Math.max(left, 0);
        const wHi = Math.min(left + f, nW);
        const pixel = image[hLo]![wLo]!.map((_, c) => {
          let largest = -Infinity;
          let sum = 0;
          for (let r = hLo; r < hHi; r++) {
            for (let q = wLo; q < wHi; q++) {
              const v = image[r]![q]![c]!;
              largest = Math.max(largest, v);
              sum += v;
            }
          }
          return mode === "max" ? largest : sum / ((hHi - hLo) * (wHi - wLo));
        });
        aRow.push(pixel);
      }
      A.push(aRow);
    }
    return A;
  });
}
