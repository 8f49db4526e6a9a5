/**
 * The cost of turning an n_H × n_W × n_C volume into n_H × n_W × c_out with an f×f 'same' convolution (stride 1),
 * computed two ways:
 *   direct:     one f×f convolution with c_out filters, each f×f×n_C;
 *   bottleneck: first a 1×1 convolution down to c_b channels (filters 1×1×n_C), then the f×f convolution with
 *               c_out filters, each f×f×c_b — once for each candidate width c_b in `bottlenecks`.
 * Images are NHWC, filters [f, f, c_in, c_out] plus one bias per filter. A multiplication is one weight times
 * one input value: every output value of a layer is a dot product of f·f·c_in of them (zeros of the 'same'
 * padding count too, as in the course); additions and biases are not counted.
 *
 * @param inputShape [n_H, n_W, n_C] of one input volume (no batch axis)
 * @param f the side of the square filter of the main convolution (odd)
 * @param cOut c_out, the number of output channels (filters of the f×f convolution)
 * @param bottlenecks the candidate widths c_b of the 1×1 bottleneck layer, one bottleneck path each
 * @returns the direct path's multiplications and trainable parameters (weights and biases), and for each c_b
 *   (same order as `bottlenecks`) the bottleneck path's, summed over its two layers. All are integers.
 */
export function bottleneckCost(
  inputShape: number[],
  f: number,
  cOut: number,
  bottlenecks: number[],
): { directMultiplications: number; directParameters: number; bottleneckMultiplications: number[]; bottleneckParameters: number[] } {
  // Replace these placeholders with your implementation.
  return {
    directMultiplications: 0,
    directParameters: 0,
    bottleneckMultiplications: bottlenecks.map(() => 0),
    bottleneckParameters: bottlenecks.map(() => 0),
  };
}
