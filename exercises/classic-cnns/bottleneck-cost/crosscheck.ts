/**
 * The reference reads the counts off tf.layers' shapes. This check counts the multiplications by running the
 * convolutions: with an input of ones padded by ones (the 'same' padding, (f − 1)/2 on each side, made of ones
 * so that its products count as the course counts them) and filters of ones, tf.conv2d ('valid') returns at
 * every output value the number of products summed there; the layer's multiplications are the sum over its
 * output. The bottleneck path runs the 1×1 convolution and then the f×f one on its c_b channels. Parameters are
 * the sizes of real filter and bias tensors. Small random shapes keep it fast; counts are integers, tolerance 0.
 */
import { caseSeed, createRng } from "../../lib/random";
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import reference from "./reference";

/** Multiplications and parameters of one 'same' convolution, counted by running it on ones. */
function countByRunning(nH: number, nW: number, cIn: number, f: number, cOut: number): { multiplications: number; parameters: number; shape: number[] } {
  return tf.tidy(() => {
    const p = (f - 1) / 2;
    const input = tf.pad(tf.ones([1, nH, nW, cIn]), [[0, 0], [p, p], [p, p], [0, 0]], 1) as tf.Tensor4D;
    const filter = tf.ones([f, f, cIn, cOut]) as tf.Tensor4D;
    const bias = tf.ones([cOut]);
    const out = tf.conv2d(input, filter, 1, "valid");
    const multiplications = (out.dataSync() as Float32Array).reduce((sum, v) => sum + v, 0);
    return { multiplications, parameters: filter.size + bias.size, shape: out.shape.slice(1) };
  });
}

const crossCheck: CrossCheck = (seed) =>
  [0, 1, 2].map((index): CrossCheckResult => {
    const r = createRng(caseSeed(seed, 100 + index));
    const nH = r.int(3, 9);
    const nW = r.int(3, 9);
    const nC = r.int(1, 12);
    const f = r.pick([1, 3, 5]);
    const cOut = r.int(1, 6);
    const cB = r.int(1, 5);
    const expected = reference([nH, nW, nC], f, cOut, [cB]) as { directMultiplications: number; directParameters: number; bottleneckMultiplications: number[]; bottleneckParameters: number[] };
    const direct = countByRunning(nH, nW, nC, f, cOut);
    const squeeze = countByRunning(nH, nW, nC, 1, cB);
    const expand = countByRunning(nH, nW, cB, f, cOut);
    const shapeError = Math.max(...[direct.shape, expand.shape].flatMap((s) => s.map((d, k) => Math.abs(d - [nH, nW, cOut][k]!))));
    const error = Math.max(
      shapeError,
      Math.abs(direct.multiplications - expected.directMultiplications),
      Math.abs(squeeze.multiplications + expand.multiplications - expected.bottleneckMultiplications[0]!),
      Math.abs(direct.parameters - expected.directParameters),
      Math.abs(squeeze.parameters + expand.parameters - expected.bottleneckParameters[0]!),
    );
    return {
      name: `tf.conv2d on ones counts the products (${nH}×${nW}×${nC}, f=${f}, c_out=${cOut}, c_b=${cB})`,
      maxAbsError: error,
      tolerance: 0,
    };
  });

export default crossCheck;
