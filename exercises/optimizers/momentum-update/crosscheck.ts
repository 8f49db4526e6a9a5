/**
 * Proves the reference's convention against tf.train.momentum. TensorFlow accumulates a ← m·a + g and steps
 * W ← W − lr·a; from a = v = 0 the course's velocity is v = (1 − β)·a at every step, so tf.train.momentum with
 * m = β and lr = α(1 − β) must follow the same path as five reference steps fed the same gradients.
 */
import { createRng } from "../../lib/random";
import { layerSizes, randomSet } from "../../lib/parameter-sets";
import { tf } from "../../lib/tf";
import type { CrossCheck } from "../../schema";
import { momentumStep } from "./reference";

const crossCheck: CrossCheck = (seed) => {
  const rng = createRng(seed * 7919 + 11);
  const sizes = layerSizes(rng, 2);
  const beta = rng.pick([0.8, 0.9, 0.95]);
  const alpha = rng.pick([0.01, 0.05, 0.1]);
  let parameters = randomSet(rng, sizes, "", () => rng.normal());
  let v = randomSet(rng, sizes, "d", () => 0);
  const names = Object.keys(parameters);
  const variables = names.map((name) => tf.variable(tf.tensor2d(parameters[name]!), true, `momentum-crosscheck-${seed}-${name}`));
  const optimizer = tf.train.momentum(alpha * (1 - beta), beta);
  for (let step = 0; step < 5; step++) {
    const grads = randomSet(rng, sizes, "d", () => rng.normal());
    ({ parameters, v } = momentumStep(parameters, grads, v, beta, alpha));
    const gradients = names.map((name, k) => ({ name: variables[k]!.name, tensor: tf.tensor2d(grads[`d${name}`]!) }));
    optimizer.applyGradients(gradients);
    tf.dispose(gradients.map((g) => g.tensor));
  }
  let maxAbsError = 0;
  names.forEach((name, k) => {
    const library = variables[k]!.arraySync() as number[][];
    library.forEach((row, i) => row.forEach((x, j) => (maxAbsError = Math.max(maxAbsError, Math.abs(x - parameters[name]![i]![j]!)))));
  });
  optimizer.dispose();
  tf.dispose(variables);
  return [{ name: `tf.train.momentum(α(1 − β), β) vs the reference over 5 steps, β = ${beta}`, maxAbsError, tolerance: 1e-5 }];
};

export default crossCheck;
