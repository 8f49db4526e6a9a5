/**
 * Proves the reference's convention against tf.train.adam, which starts from v = s = 0, counts t from 1 and adds
 * ε outside the root of the corrected second moment: five reference steps (t = 1…5) fed the same gradients
 * follow the library's path. The library computes 1 − β₂ᵗ in float32 (1 − 0.999 is then off by 1.3e−5 relative),
 * which moves each step by up to ~1e−5·α: the tolerance grows with α for that reason.
 */
import { layerSizes, randomSet } from "../../lib/parameter-sets";
import { createRng } from "../../lib/random";
import { tf } from "../../lib/tf";
import type { CrossCheck } from "../../schema";
import { adamStep, type AdamState } from "./reference";

const crossCheck: CrossCheck = (seed) => {
  const rng = createRng(seed * 7919 + 37);
  const sizes = layerSizes(rng, 2);
  const alpha = rng.pick([0.001, 0.01, 0.1]);
  const [beta1, beta2, epsilon] = [0.9, rng.pick([0.99, 0.999]), 1e-7];
  const parameters = randomSet(rng, sizes, "", () => rng.normal());
  let state: AdamState = { parameters, v: randomSet(rng, sizes, "d", () => 0), s: randomSet(rng, sizes, "d", () => 0) };
  const names = Object.keys(parameters);
  const variables = names.map((name) => tf.variable(tf.tensor2d(parameters[name]!), true, `adam-crosscheck-${seed}-${name}`));
  const optimizer = tf.train.adam(alpha, beta1, beta2, epsilon);
  for (let t = 1; t <= 5; t++) {
    const grads = randomSet(rng, sizes, "d", () => rng.normal());
    state = adamStep(state.parameters, grads, state.v, state.s, t, alpha, beta1, beta2, epsilon);
    const gradients = names.map((name, k) => ({ name: variables[k]!.name, tensor: tf.tensor2d(grads[`d${name}`]!) }));
    optimizer.applyGradients(gradients);
    tf.dispose(gradients.map((g) => g.tensor));
  }
  let maxAbsError = 0;
  names.forEach((name, k) => {
    const library = variables[k]!.arraySync() as number[][];
    library.forEach((row, i) => row.forEach((x, j) => (maxAbsError = Math.max(maxAbsError, Math.abs(x - state.parameters[name]![i]![j]!)))));
  });
  optimizer.dispose();
  tf.dispose(variables);
  return [{ name: `tf.train.adam(α, 0.9, ${beta2}, 1e-7) vs the reference over t = 1…5, α = ${alpha}`, maxAbsError, tolerance: 1e-6 + 5e-4 * alpha }];
};

export default crossCheck;
