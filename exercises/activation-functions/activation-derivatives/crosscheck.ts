/**
 * Two checks of the reference. Its values equal the Keras activation layers' (tf.layers.activation for
 * sigmoid, tanh and relu; tf.layers.leakyReLU with the same α). Its tf.grad derivatives equal float64 central
 * differences (g(z + h) − g(z − h)) / 2h with h = 1e-4 wherever |z| > h, i.e. away from the kink, where the
 * one-sided convention (ReLU'(0) = 0, leaky ReLU'(0) = α) is checked exactly. The difference quotient's
 * truncation error is h²·|g'''|/6 < 1e-8 and float32 holds derivatives to about 1e-7, hence 1e-6.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import generate from "./cases";
import reference, { argsSchema } from "./reference";

type Output = Record<"sigmoid" | "dSigmoid" | "tanh" | "dTanh" | "relu" | "dRelu" | "leakyRelu" | "dLeakyRelu", number[]>;

const float64: Record<string, (v: number, alpha: number) => number> = {
  sigmoid: (v) => 1 / (1 + Math.exp(-v)),
  tanh: (v) => Math.tanh(v),
  relu: (v) => Math.max(0, v),
  leakyRelu: (v, alpha) => (v > 0 ? v : alpha * v),
};
const leftDerivativeAtZero: Record<string, (alpha: number) => number> = {
  sigmoid: () => 0.25,
  tanh: () => 1,
  relu: () => 0,
  leakyRelu: (alpha) => alpha,
};

const maxDiff = (a: number[], b: number[]): number => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

const crossCheck: CrossCheck = (seed) =>
  generate(seed).flatMap((c): CrossCheckResult[] => {
    const [z, alpha] = argsSchema.parse(c.args);
    const expected = reference(z, alpha) as unknown as Output;
    const layers = {
      sigmoid: tf.layers.activation({ activation: "sigmoid" }),
      tanh: tf.layers.activation({ activation: "tanh" }),
      relu: tf.layers.activation({ activation: "relu" }),
      leakyRelu: tf.layers.leakyReLU({ alpha }),
    };
    let layerError = 0;
    let derivativeError = 0;
    const h = 1e-4;
    for (const [name, layer] of Object.entries(layers)) {
      const out = tf.tidy(() => layer.apply(tf.tensor2d([z])) as tf.Tensor);
      const values = (out.arraySync() as number[][])[0]!;
      out.dispose();
      layerError = Math.max(layerError, maxDiff(values, expected[name as keyof Output]));
      const g = float64[name]!;
      const numeric = z.map((v) => (Math.abs(v) > h ? (g(v + h, alpha) - g(v - h, alpha)) / (2 * h) : leftDerivativeAtZero[name]!(alpha)));
      const key = `d${name[0]!.toUpperCase()}${name.slice(1)}` as keyof Output;
      derivativeError = Math.max(derivativeError, maxDiff(numeric, expected[key]));
    }
    return [
      { name: `tf.layers activations vs reference values: ${c.name}`, maxAbsError: layerError, tolerance: 1e-6 },
      { name: `float64 central differences (one-sided at 0) vs tf.grad: ${c.name}`, maxAbsError: derivativeError, tolerance: 1e-6 },
    ];
  });

export default crossCheck;
