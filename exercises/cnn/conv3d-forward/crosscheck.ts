/**
 * Two independent computations must give the reference's Z:
 *   - slice by slice through the conv2d-forward reference (tf.conv2d, NHWC): output slice d is b plus, for every
 *     filter slice dd whose input slice d·s − front + dd exists, tf.conv2d(A[:, that slice], W[dd]) — the depth
 *     axis strided and padded by the same rule as height and width (front = ⌊P/2⌋ of TensorFlow's total P);
 *   - Keras's layer, tf.layers.conv3d with channels last, the same kernel size, strides and padding and its weights
 *     set to [W, b] (Keras stores the kernel as [f_d, f_h, f_w, c_in, c_out], the same layout). It runs tf.conv3d's
 *     own 'same', which lacks the max(·, 0) (see reference.ts), so it is compared only on cases where no axis has
 *     a negative raw total padding: there the two 'same' rules coincide.
 * Inputs sit on a 1/8 grid and the sums are exact in float32, hence 1e-5.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import conv2dForwardReference from "../conv2d-forward/reference";
import generate from "./cases";
import { argsSchema, conv3dForwardReference, samePadding, type Tensor5 } from "./reference";

function maxAbs(a: tf.Tensor, b: tf.Tensor): number {
  if (a.rank !== b.rank || a.shape.some((d, k) => d !== b.shape[k])) return Infinity;
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).arraySync() as number);
}

/** Z slice by slice: 2D convolutions of input slices with filter slices, summed along the depth. */
function sliceBySlice(A_prev: Tensor5, W: Tensor5, b: number[], stride: number, padding: "valid" | "same"): tf.Tensor {
  const nD = A_prev[0]!.length;
  const fd = W.length;
  const outD = padding === "same" ? Math.ceil(nD / stride) : Math.floor((nD - fd) / stride) + 1;
  const front = padding === "same" ? samePadding(nD, fd, stride)[0] : 0;
  const zeroBias = b.map(() => 0);
  return tf.tidy(() =>
    tf.stack(
      Array.from({ length: outD }, (_, d) => {
        let sum: tf.Tensor | null = null;
        for (let dd = 0; dd < fd; dd++) {
          const p = d * stride - front + dd;
          if (p < 0 || p >= nD) continue;
          const slice = conv2dForwardReference(A_prev.map((volume) => volume[p]!), W[dd]!, zeroBias, stride, padding) as number[][][][];
          sum = sum ? sum.add(tf.tensor4d(slice)) : tf.tensor4d(slice);
        }
        return sum!.add(tf.tensor1d(b));
      }),
      1,
    ),
  );
}

/** True where tf.conv3d's unclamped 'same' padding is negative along some axis. */
function unclampedSameDiffers(A_prev: Tensor5, W: Tensor5, stride: number, padding: "valid" | "same"): boolean {
  if (padding === "valid") return false;
  const n = [A_prev[0]!.length, A_prev[0]![0]!.length, A_prev[0]![0]![0]!.length];
  const f = [W.length, W[0]!.length, W[0]![0]!.length];
  return n.some((size, axis) => (Math.ceil(size / stride) - 1) * stride + f[axis]! - size < 0);
}

const crossCheck: CrossCheck = (seed) =>
  generate(seed).flatMap((c): CrossCheckResult[] => {
    const [A_prev, W, b, stride, padding] = argsSchema.parse(c.args);
    const expected = tf.tensor5d(conv3dForwardReference(A_prev, W, b, stride, padding));
    const slices = sliceBySlice(A_prev, W, b, stride, padding);
    const results: CrossCheckResult[] = [
      { name: `conv2d-forward slice by slice, summed along the depth, vs reference: ${c.name}`, maxAbsError: maxAbs(slices, expected), tolerance: 1e-5 },
    ];
    if (!unclampedSameDiffers(A_prev, W, stride, padding)) {
      const input = tf.tensor5d(A_prev);
      const layer = tf.layers.conv3d({
        filters: b.length,
        kernelSize: [W.length, W[0]!.length, W[0]![0]!.length],
        strides: stride,
        padding,
        dataFormat: "channelsLast",
        useBias: true,
        inputShape: input.shape.slice(1),
      });
      tf.dispose(layer.apply(input) as tf.Tensor); // builds the layer's weights before setting them
      const weights = [tf.tensor5d(W), tf.tensor1d(b)];
      layer.setWeights(weights);
      const got = layer.apply(input) as tf.Tensor;
      results.push({ name: `tf.layers.conv3d with weights [W, b] vs reference: ${c.name}`, maxAbsError: maxAbs(got, expected), tolerance: 1e-5 });
      tf.dispose([input, got, ...weights]);
      layer.dispose();
    }
    tf.dispose([expected, slices]);
    return results;
  });

export default crossCheck;
