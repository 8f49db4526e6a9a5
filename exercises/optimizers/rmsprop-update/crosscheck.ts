/**
 * Proves the reference's convention against tf.train.rmsprop (decay = β, momentum 0), which starts from S = 0
 * and divides by √(S + ε): five steps of the reference with ε placed inside the root follow the library's path.
 * The only difference from the course's update is where ε sits, which the statement explains.
 */
import { layerSizes, randomSet } from "../../lib/parameter-sets";
import { createRng } from "../../lib/random";
import { tf } from "../../lib/tf";
import type { CrossCheck } from "../../schema";
import { rmspropStep } from "./reference";

const crossCheck: CrossCheck = (seed) => {
  const rng = createRng(seed * 7919 + 23);
  const sizes = layerSizes(rng, 2);
  const beta = rng.pick([0.9, 0.99, 0.999]);
  const alpha = rng.pick([0.001, 0.01]);
  const epsilon = 1e-3;
  let parameters = randomSet(rng, sizes, "", () => rng.normal());
  let s = randomSet(rng, sizes, "d", () => 0);
  const names = Object.keys(parameters);
  const variables = names.map((name) => tf.variable(tf.tensor2d(parameters[name]!), true, `rmsprop-crosscheck-${seed}-${name}`));
  const optimizer = tf.train.rmsprop(alpha, beta, 0, epsilon);
  for (let step = 0; step < 5; step++) {
    const grads = randomSet(rng, sizes, "d", () => rng.normal());
    ({ parameters, s } = rmspropStep(parameters, grads, s, beta, alpha, epsilon, "inside"));
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
  return [{ name: `tf.train.rmsprop(α, β, 0, ε) vs the reference with ε inside the root, 5 steps, β = ${beta}`, maxAbsError, tolerance: 1e-5 }];
};

export default crossCheck;
