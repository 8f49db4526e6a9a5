/** Misconception "window-not-strided": gets the output length right but starts window t at position t, not t·s. */
/** TensorFlow's padding along the sequence: the output length and the zeros added before the first position. */
function axisGeometry(n: number, f: number, stride: number, padding: "valid" | "same"): { out: number; before: number } {
  if (padding === "same") {
    const out = Math.ceil(n / stride);
    // Total padding (out − 1)·s + f − n, ⌊·/2⌋ of it before; a negative total (f < s) means no padding.
    return { out, before: Math.max(Math.floor(((out - 1) * stride + f - n) / 2), 0) };
  }
  return { out: Math.floor((n - f) / stride) + 1, before: 0 };
}

/**
 * Slides each filter along the (implicitly) zero-padded sequence: positions outside the input contribute nothing,
 * so no padded copy is built.
 */
export function conv1dForward(A_prev: number[][][], W: number[][][], b: number[], stride: number, padding: "valid" | "same"): number[][][] {
  const n = A_prev[0]!.length;
  const f = W.length;
  const cIn = W[0]!.length;
  const cOut = b.length;
  const { out, before } = axisGeometry(n, f, stride, padding);
  return A_prev.map((sequence) =>
    Array.from({ length: out }, (_, t) => {
      const z = [...b];
      for (let dt = 0; dt < f; dt++) {
        const p = t - before + dt;
        if (p < 0 || p >= n) continue;
        const x = sequence[p]!;
        for (let c = 0; c < cIn; c++) {
          const weights = W[dt]![c]!;
          for (let k = 0; k < cOut; k++) z[k] = z[k]! + x[c]! * weights[k]!;
        }
      }
      return z;
    }),
  );
}
