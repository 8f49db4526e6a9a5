/** Misconception "tanh-derivative-missing-square": tanh'(z) written as 1 − tanh z. */
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
    dSigmoid: sigmoid.map((a) => a * (1 - a)),
    tanh,
    dTanh: tanh.map((a) => 1 - a),
    relu: z.map((v) => (v > 0 ? v : 0)),
    dRelu: z.map((v) => (v > 0 ? 1 : 0)),
    leakyRelu: z.map((v) => (v > 0 ? v : alpha * v)),
    dLeakyRelu: z.map((v) => (v > 0 ? 1 : alpha)),
  };
}
