/** The length of every axis of a rectangular nested array. */
function shapeOf(value: unknown): number[] {
  return Array.isArray(value) ? [value.length, ...shapeOf(value[0])] : [];
}

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
 * Slides each filter through the (implicitly) zero-padded volume: positions outside the input contribute nothing,
 * so no padded copy is built. Depth, height and width follow the same rule.
 */
export function conv3dForward(
  A_prev: number[][][][][],
  W: number[][][][][],
  b: number[],
  stride: number,
  padding: "valid" | "same",
): number[][][][][] {
  const [, nD, nH, nW] = shapeOf(A_prev) as [number, number, number, number];
  const [fd, fh, fw, cIn] = shapeOf(W) as [number, number, number, number];
  const cOut = b.length;
  const depth = axisGeometry(nD, fd, stride, padding);
  const rows = axisGeometry(nH, fh, stride, padding);
  const cols = axisGeometry(nW, fw, stride, padding);
  return A_prev.map((volume) =>
    Array.from({ length: depth.out }, (_, d) =>
      Array.from({ length: rows.out }, (_, h) =>
        Array.from({ length: cols.out }, (_, w) => {
          const z = [...b];
          for (let dd = 0; dd < fd; dd++) {
            const p = d * stride - depth.before + dd;
            if (p < 0 || p >= nD) continue;
            for (let dh = 0; dh < fh; dh++) {
              const r = h * stride - rows.before + dh;
              if (r < 0 || r >= nH) continue;
              for (let dw = 0; dw < fw; dw++) {
                const q = w * stride - cols.before + dw;
                if (q < 0 || q >= nW) continue;
                const voxel = volume[p]![r]![q]!;
                for (let c = 0; c < cIn; c++) {
                  const weights = W[dd]![dh]![dw]![c]!;
                  for (let k = 0; k < cOut; k++) z[k] = z[k]! + voxel[c]! * weights[k]!;
                }
              }
            }
          }
          return z;
        }),
      ),
    ),
  );
}
