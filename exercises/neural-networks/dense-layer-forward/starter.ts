/**
 * One Dense layer, forward: unit j of the layer outputs a_j = g(w_j · a_in + b_j) (the notes'
 * a_j^[l] = g(w_j^[l] · a^[l−1] + b_j^[l])), for every example of a batch.
 * Layout (the course's and Keras's kernel): W[k][j] is the weight from input k to unit j, so column j of W is w_j.
 *
 * @param A_in m×n_in input activations, row-major: A_in[i] is example i's a^[l−1]
 * @param W n_in×units weight matrix; column j is unit j's weight vector w_j
 * @param b the units biases b_j
 * @param activation "sigmoid" | "relu" | "linear"
 * @returns the m×units output activations: row i is example i's a^[l]
 */
export function denseForward(A_in: number[][], W: number[][], b: number[], activation: string): number[][] {
  // Replace this placeholder with your implementation.
  return A_in.map(() => b.map(() => 0));
}
