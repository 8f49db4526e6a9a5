/**
 * The loss of an RNN with softmax outputs over a batch of padded sequences, in the notes' notation:
 *   L<t> = −log ŷ<t>[y<t>]   (the cross-entropy of step t: −Σ_k y<t>_k log ŷ<t>_k with a one-hot y<t>, natural log)
 *   sequenceLoss[i] = Σ_t mask[i][t] · L<t> of sequence i   (the notes' L = Σ_t L<t>, over the real steps only)
 *   meanLoss = Σ_i sequenceLoss[i] / Σ_i Σ_t mask[i][t]   (the mean per real step)
 *
 * Layout: batch, then time, then classes. yHat[i][t − 1] is ŷ<t> of sequence i (a softmax over n_y classes,
 * every entry > 0), y[i][t − 1] is the index 0 … n_y − 1 of its true class, and mask[i][t − 1] is 1 when step t
 * of sequence i is real and 0 when it is padding. Padding can sit at the end or at the front; padding steps
 * hold filler (some ŷ and some label) that must not count. At least one mask entry is 1.
 *
 * @param yHat ŷ, m × T_x × n_y
 * @param y    true class indices, m × T_x (integers)
 * @param mask 0/1, m × T_x
 * @returns sequenceLoss (length m) and meanLoss (a number)
 */
export function rnnSequenceLoss(yHat: number[][][], y: number[][], mask: number[][]): { sequenceLoss: number[]; meanLoss: number } {
  // Your code here: −log of the true class's probability at every real step.
  const sequenceLoss = yHat.map(() => 0);
  return { sequenceLoss, meanLoss: 0 };
}
