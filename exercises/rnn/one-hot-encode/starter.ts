/**
 * One-hot encoding of a batch of token-id sequences over a vocabulary of |V| words (the notes' way of
 * representing the words of a sentence before they enter an RNN).
 *
 * Layout: batch first, then time, then the vocabulary — ids[i][t] is the id of word t + 1 (x<t+1>) of
 * sequence i, and the result is m × T_x × |V| with result[i][t] = x<t+1> of sequence i (the layout
 * tf.layers.simpleRNN takes). Ids count from 0: the valid ids are 0, 1, …, |V| − 1.
 *
 * An id outside 0 … |V| − 1 (a word that is not in the vocabulary) is encoded as the <unk> word, at
 * position `unkIndex`; every row has exactly one 1.
 *
 * @param ids       m × T_x integer token ids (all sequences have the same length T_x)
 * @param vocabSize |V| ≥ 1, the length of every one-hot vector
 * @param unkIndex  the id of the <unk> word, 0 ≤ unkIndex < |V|
 * @returns m × T_x × |V| array of 0 and 1
 */
export function oneHotEncode(ids: number[][], vocabSize: number, unkIndex: number): number[][][] {
  // Your code here: one vector of length vocabSize per token, with a single 1.
  return ids.map((sequence) => sequence.map(() => new Array<number>(vocabSize).fill(0)));
}
