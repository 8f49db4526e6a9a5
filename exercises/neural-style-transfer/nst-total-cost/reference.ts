/**
 * The oracle for nst-total-cost: J_content from content-cost's reference, each layer's J_style^[l] from
 * style-cost's reference (whose Gram matrices come from gram-matrix's), then
 * J_style = Σ_l λ^[l] J_style^[l] and J = α J_content + β J_style.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";
import { contentCostTensor } from "../content-cost/reference";
import { activationSchema } from "../gram-matrix/reference";
import { layerStyleCostTensor } from "../style-cost/reference";

export const argsSchema = z.tuple([
  z.object({ a_C: activationSchema, a_G: activationSchema }).strict(),
  z.array(z.object({ a_S: activationSchema, a_G: activationSchema, lambda: z.number() }).strict()).min(1),
  z.number(),
  z.number(),
]);

const reference: ExerciseReference = (...args) => {
  const [contentLayer, styleLayers, alpha, beta] = argsSchema.parse(args);
  return tf.tidy(() => {
    const J_content = contentCostTensor(tf.tensor4d(contentLayer.a_C), tf.tensor4d(contentLayer.a_G));
    const J_style = tf.addN(styleLayers.map((layer) => tf.mul(layer.lambda, layerStyleCostTensor(tf.tensor4d(layer.a_S), tf.tensor4d(layer.a_G)))));
    const J = tf.add(tf.mul(alpha, J_content), tf.mul(beta, J_style));
    return { J_content: J_content.arraySync(), J_style: J_style.arraySync() as number, J: J.arraySync() as number };
  });
};

export default reference;
