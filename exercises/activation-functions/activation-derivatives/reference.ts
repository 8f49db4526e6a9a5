/**
 * The oracle: the four activations with TensorFlow.js ops (tf.sigmoid, tf.tanh, tf.relu, tf.leakyRelu) and
 * their derivatives by automatic differentiation (tf.grad of each op; the ops act element by element, so the
 * gradient of their sum is the vector of derivatives). TensorFlow's ReLU gradient is step(z) and its leaky ReLU
 * gradient tests z > 0, which is the convention the statement gives: ReLU'(0) = 0, leaky ReLU'(0) = α.
 */
import { z as zod } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

export const argsSchema = zod.tuple([zod.array(zod.number()).min(1), zod.number().positive().lt(1)]);

export const activations = {
  sigmoid: (x: tf.Tensor, _alpha: number): tf.Tensor => tf.sigmoid(x),
  tanh: (x: tf.Tensor, _alpha: number): tf.Tensor => tf.tanh(x),
  relu: (x: tf.Tensor, _alpha: number): tf.Tensor => tf.relu(x),
  leakyRelu: (x: tf.Tensor, alpha: number): tf.Tensor => tf.leakyRelu(x, alpha),
} as const;

const reference: ExerciseReference = (...args) => {
  const [z, alpha] = argsSchema.parse(args);
  const out: Record<string, number[]> = {};
  for (const [name, g] of Object.entries(activations)) {
    const [value, derivative] = tf.tidy(() => {
      const x = tf.tensor1d(z);
      return [g(x, alpha), tf.grad((t: tf.Tensor) => g(t, alpha))(x)];
    });
    out[name] = value!.arraySync() as number[];
    out[`d${name[0]!.toUpperCase()}${name.slice(1)}`] = derivative!.arraySync() as number[];
    value!.dispose();
    derivative!.dispose();
  }
  return {
    sigmoid: out.sigmoid!,
    dSigmoid: out.dSigmoid!,
    tanh: out.tanh!,
    dTanh: out.dTanh!,
    relu: out.relu!,
    dRelu: out.dRelu!,
    leakyRelu: out.leakyRelu!,
    dLeakyRelu: out.dLeakyRelu!,
  };
};

export default reference;
