/**
 * Four activation functions g(z) and their derivatives g'(z), element by element:
 *   sigmoid σ(z) = 1 / (1 + e^{−z}),  tanh z,  ReLU max(0, z),  leaky ReLU: z for z > 0, α·z otherwise.
 * At z = 0 the derivatives of ReLU and leaky ReLU are taken from the left: ReLU'(0) = 0, leaky ReLU'(0) = α.
 *
 * @param z     the m pre-activations z_i
 * @param alpha leaky ReLU's slope for z ≤ 0 (0 < α < 1)
 * @returns eight arrays of length m, in the order of z: each function's values and its derivative's values
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
  // Replace these placeholders with your implementation.
  const zeros = z.map(() => 0);
  return { sigmoid: zeros, dSigmoid: zeros, tanh: zeros, dTanh: zeros, relu: zeros, dRelu: zeros, leakyRelu: zeros, dLeakyRelu: zeros };
}
