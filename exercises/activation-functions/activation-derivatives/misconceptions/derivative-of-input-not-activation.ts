/** Misconception "derivative-of-input-not-activation": puts z where the formulas want a = g(z): z(1 − z) and 1 − z². */
export function activationDerivatives(
  z: number[],
  alpha: number,
): {
  sigmoid: number[];
  dSigmoid: number[];
  tanh: number[];
  dTanh: number[];
  relu: number[];
  dRelu: number[];
  leakyRelu: number[];
  dLeakyRelu: number[];
} {
  const sigmoid = z.map((v) => 1 / (1 + Math.exp(-v)));
  const tanh = z.map((v) => Math.tanh(v));
  return {
    sigmoid,
    dSigmoid: z.map((v) => v * (1 - v)),
    tanh,
    dTanh: z.map((v) => 1 - v * v),
    relu: z.map((v) => (v > 0 ? v : 0)),
    dRelu: z.map((v) => (v > 0 ? 1 : 0)),
    leakyRelu: z.map((v) => (v > 0 ? v : alpha * v)),
    dLeakyRelu: z.map((v) => (v > 0 ? 1 : alpha)),
  };
}
