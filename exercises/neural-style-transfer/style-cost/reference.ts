/**
 * The oracle for style-cost, and the one-layer style cost nst-total-cost's reference reuses:
 * J_style^[l] = Σ_kk' (G_S − G_G)² / (2·n_H·n_W·n_C)², the Gram matrices from gram-matrix's reference.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";
import { assertSameShape } from "../content-cost/reference";
import { activationSchema, gramTensor } from "../gram-matrix/reference";

export const argsSchema = z.tuple([activationSchema, activationSchema]);

/** J_style of one layer, a scalar tensor. */
export function layerStyleCostTensor(aS: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  assertSameShape(aS, aG, "a_S and a_G");
  const [, nH, nW, nC] = aS.shape;
  return tf.tidy(() => tf.div(tf.sum(tf.squaredDifference(gramTensor(aS), gramTensor(aG))), (2 * nH * nW * nC) ** 2));
}

const reference: ExerciseReference = (...args) => {
  const [a_S, a_G] = argsSchema.parse(args);
  return tf.tidy(() => layerStyleCostTensor(tf.tensor4d(a_S), tf.tensor4d(a_G)).arraySync());
};

export default reference;
