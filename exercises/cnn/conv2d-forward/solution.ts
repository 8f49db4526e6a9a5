/** TensorFlow's padding along one axis: the output length and the zeros added before the first input position. */
function axisGeometry(n: number, f: number, stride: number, padding: "valid" | "same"): { out: number; before: number } {
  if (padding === "same") {
    const out = Math.ceil(n / stride);
    // Total padding (out − 1)·s + f − n, ⌊·/2⌋ of it before; a negative total (f < s) means no padding.
    return { out, before: Math.max(Math.floor(((out - 1) * stride + f - n) / 2), 0) };
  }
  return { out: Math.floor((n - f) / stride) + 1, before: 0 };
}

/**
 * Slides each filter over the (implicitly) zero-padded input: positions outside the input contribute nothing,
 * so no padded copy is built.
 */
export function conv2dForward(
  A_prev: number[][][][],
  W: number[][][][],
  b: number[],
  stride: number,
  padding: "valid" | "same",
): number[][][][] {
  const nH = A_prev[0]!.length;
  const nW = A_prev[0]![0]!.length;
  const cIn = W[0]![0]!.length;
  const fh = W.length;
  const fw = W[0]!.length;
  const cOut = b.length;
  const rows = axisGeometry(nH, fh, stride, padding);
  const cols = axisGeometry(nW, fw, stride, padding);
  return A_prev.map((image) => {
    const Z: number[][][] = [];
    for (let h = 0; h < rows.out; h++) {
      const zRow: number[][] = [];
      for (let w = 0; w < cols.out; w++) {
        const z = [...b];
        for (let dh = 0; dh < fh; dh++) {
          const r = h * stride - rows.before + dh;
          if (r < 0 || r >= nH) continue;
          for (let dw = 0; dw < fw; dw++) {
            const q = w * stride - cols.before + dw;
            if (q < 0 || q >= nW) continue;
            const pixel = image[r]![q]!;
            for (let c = 0; c < cIn; c++) {
              const weights = W[dh]![dw]![c]!;
              for (let k = 0; k < cOut; k++) z[k] = z[k]! + pixel[c]! * weights[k]!;
            }
          }
        }
        zRow.push(z);
      }
      Z.push(zRow);
    }
    return Z;
  });
}
