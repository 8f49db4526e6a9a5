/** Misconception "padding-not-cropped": returns the gradient of the zero-padded input without cropping the padding. */
/** TensorFlow's 'same' padding along one axis: the zeros before and after the input. */
function paddingAround(n: number, nOut: number, f: number, stride: number, padding: "valid" | "same"): [number, number] {
  if (padding === "valid") return [0, 0];
  const total = Math.max((nOut - 1) * stride + f - n, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/** Pads A_prev, scatters dZ into a gradient of the padded input, and returns that padded gradient as dA_prev. */
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
  const [top, bottom] = paddingAround(nH, outH, fh, stride, padding);
  const [left, right] = paddingAround(nW, outW, fw, stride, padding);
  const zeros = (): number[] => Array.from({ length: cIn }, () => 0);
  const A_pad = A_prev.map((image) =>
    Array.from({ length: top + nH + bottom }, (_, r) =>
      Array.from({ length: left + nW + right }, (_, q) => (r < top || r >= top + nH || q < left || q >= left + nW ? zeros() : [...image[r - top]![q - left]!])),
    ),
  );
  const dA_pad = A_pad.map((image) => image.map((row) => row.map(() => zeros())));
  const dW = W.map((row) => row.map((column) => column.map((channel) => channel.map(() => 0))));
  const db = b.map(() => 0);
  dZ.forEach((gradients, i) => {
    for (let h = 0; h < outH; h++) {
      for (let w = 0; w < outW; w++) {
        const g = gradients[h]![w]!;
        for (let k = 0; k < cOut; k++) db[k] = db[k]! + g[k]!;
        for (let dh = 0; dh < fh; dh++) {
          for (let dw = 0; dw < fw; dw++) {
            const a = A_pad[i]![h * stride + dh]![w * stride + dw]!;
            const da = dA_pad[i]![h * stride + dh]![w * stride + dw]!;
            for (let c = 0; c < cIn; c++) {
              for (let k = 0; k < cOut; k++) {
                da[c] = da[c]! + W[dh]![dw]![c]![k]! * g[k]!;
                dW[dh]![dw]![c]![k] = dW[dh]![dw]![c]![k]! + a[c]! * g[k]!;
              }
            }
          }
        }
      }
    }
  });
  return { dA_prev: dA_pad, dW, db };
}
