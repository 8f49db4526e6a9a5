/**
 * The derivatives written through the activation a = g(z): σ' = a(1 − a), tanh' = 1 − a². ReLU and leaky ReLU
 * test z > 0, so at the kink z = 0 they take the left derivative (0 and α), as TensorFlow does.
 */
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
    dTanh: tanh.map((a) => 1 - a * a),
    // mutant-equivalent(> → >=): both branches give 0 at v = 0
    relu: z.map((v) => (v > 0 ? v : 0)),
    dRelu: z.map((v) => (v > 0 ? 1 : 0)),
    // mutant-equivalent(> → >=): both branches give 0 at v = 0
    leakyRelu: z.map((v) => (v > 0 ? v : alpha * v)),
    dLeakyRelu: z.map((v) => (v > 0 ? 1 : alpha)),
  };
}
