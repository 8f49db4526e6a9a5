/**
 * The outputs of a bidirectional RNN, in the notes' notation, for a batch of m sequences of length T_x:
 *   forward pass,  a→<0> = 0:       a→<t> = tanh(WaaF a→<t−1> + WaxF x<t> + baF),   t = 1 … T_x
 *   backward pass, a←<T_x+1> = 0:   a←<t> = tanh(WaaB a←<t+1> + WaxB x<t> + baB),   t = T_x … 1
 *   output:                         ŷ<t> = softmax(Wy [a→<t>; a←<t>] + by),          t = 1 … T_x
 * Both passes are forward computations (no gradients); the backward one reads the sequence from its end.
 *
 * Layout: batch, then time, then features. x[i][t − 1] is x<t> of sequence i (the second axis is time), and
 * every result is indexed by the time it belongs to: aForward[i][t − 1] = a→<t>, aBackward[i][t − 1] = a←<t>
 * (computed from x<t>, …, x<T_x>), yHat[i][t − 1] = ŷ<t>. The concatenation puts a→<t> first: the first n_a
 * columns of Wy act on a→<t>, the last n_a on a←<t>. The weights act on column vectors as in the notes; the
 * softmax runs over the n_y outputs of each step.
 *
 * @param x    m × T_x × n_x
 * @param WaaF W_aa→, n_a × n_a;  WaxF W_ax→, n_a × n_x;  baF b_a→, length n_a   (the forward RNN)
 * @param WaaB W_aa←, n_a × n_a;  WaxB W_ax←, n_a × n_x;  baB b_a←, length n_a   (the backward RNN)
 * @param Wy   W_y, n_y × 2n_a;   by b_y, length n_y
 * @returns aForward and aBackward (m × T_x × n_a each) and yHat (m × T_x × n_y)
 */
export function bidirectionalRnnOutput(
  x: number[][][],
  WaaF: number[][],
  WaxF: number[][],
  baF: number[],
  WaaB: number[][],
  WaxB: number[][],
  baB: number[],
  Wy: number[][],
  by: number[],
): { aForward: number[][][]; aBackward: number[][][]; yHat: number[][][] } {
  // Your code here: a forward pass, a backward pass, then one softmax per time step.
  const aForward = x.map((sequence) => sequence.map(() => baF.map(() => 0)));
  const aBackward = x.map((sequence) => sequence.map(() => baB.map(() => 0)));
  const yHat = x.map((sequence) => sequence.map(() => by.map(() => 0)));
  return { aForward, aBackward, yHat };
}
