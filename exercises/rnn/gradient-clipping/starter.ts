/** The gradients of a basic RNN, keyed as in Ng's assignment; each has the shape of its parameter. */
interface RnnGradients {
  dWaa: number[][];
  dWax: number[][];
  dWya: number[][];
  dba: number[];
  dby: number[];
}

/**
 * Gradient clipping for an RNN, against exploding gradients, in one of two modes:
 *   "value": every entry g of every gradient becomes min(max(g, −c), c)   (clip each entry to [−c, c])
 *   "norm":  with ‖g‖ = √(Σ of g² over every entry of all five gradients)  (ONE global norm),
 *            every gradient is multiplied by c / max(‖g‖, c)              (nothing changes when ‖g‖ ≤ c)
 * The second is TensorFlow's clip_by_global_norm: the direction of the whole gradient is kept, its length is
 * capped at c.
 *
 * @param gradients dWaa (n_a × n_a), dWax (n_a × n_x), dWya (n_y × n_a), dba (length n_a), dby (length n_y)
 * @param mode      "value" or "norm"
 * @param threshold c > 0
 * @returns new gradients with the same keys and shapes
 */
export function clipGradients(gradients: RnnGradients, mode: "value" | "norm", threshold: number): RnnGradients {
  // Your code here.
  return {
    dWaa: gradients.dWaa.map((row) => row.slice()),
    dWax: gradients.dWax.map((row) => row.slice()),
    dWya: gradients.dWya.map((row) => row.slice()),
    dba: gradients.dba.slice(),
    dby: gradients.dby.slice(),
  };
}
