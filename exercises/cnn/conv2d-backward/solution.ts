/** The zeros TensorFlow adds before the first input position along one axis ('same': ⌊P/2⌋ of the total P). */
function paddingBefore(n: number, nOut: number, f: number, stride: number, padding: "valid" | "same"): number {
  if (padding === "valid") return 0;
  // Total padding (n_out − 1)·s + f − n; a negative total (f < s) means no padding.
  return Math.max(Math.floor(((nOut - 1) * stride + f - n) / 2), 0);
}

/**
 * Walks every output position once, as the forward pass does, and sends dZ back to everything that made it:
 * the window of A_prev it read (weighted by W), the filter (weighted by that window) and the bias. Positions of
 * the window that fall on padding are skipped, which is the same as cropping the gradient of the padded input.
 */
export function conv2dBackward(
  dZ: number[][][][],
  A_prev: number[][][][],
  W: number[][][][],
  b: number[],
  stride: number,
  padding: "valid" | "same",
): { dA_prev: number[][][][]; dW: number[][][][]; db: number[] } {
  const nH = A_prev[0]!.length;
  const nW = A_prev[0]![0]!.length;
  const cIn = W[0]![0]!.length;
  const fh = W.length;
  const fw = W[0]!.length;
  const cOut = b.length;
  const outH = dZ[0]!.length;
  const outW = dZ[0]![0]!.length;
  const top = paddingBefore(nH, outH, fh, stride, padding);
  const left = paddingBefore(nW, outW, fw, stride, padding);
  const dA_prev = A_prev.map((image) => image.map((row) => row.map((pixel) => pixel.map(() => 0))));
  const dW = W.map((row) => row.map((column) => column.map((channel) => channel.map(() => 0))));
  const db = b.map(() => 0);
  dZ.forEach((gradients, i) => {
    for (let h = 0; h < outH; h++) {
      for (let w = 0; w < outW; w++) {
        const g = gradients[h]![w]!;
        for (let k = 0; k < cOut; k++) db[k] = db[k]! + g[k]!;
        for (let dh = 0; dh < fh; dh++) {
          const r = h * stride - top + dh;
          if (r < 0 || r >= nH) continue;
          for (let dw = 0; dw < fw; dw++) {
            const q = w * stride - left + dw;
            if (q < 0 || q >= nW) continue;
            const a = A_prev[i]![r]![q]!;
            const da = dA_prev[i]![r]![q]!;
            for (let c = 0; c < cIn; c++) {
              const weights = W[dh]![dw]![c]!;
              const dWeights = dW[dh]![dw]![c]!;
              for (let k = 0; k < cOut; k++) {
                da[c] = da[c]! + weights[k]! * g[k]!;
                dWeights[k] = dWeights[k]! + a[c]! * g[k]!;
              }
            }
          }
        }
      }
    }
  });
  return { dA_prev, dW, db };
}
