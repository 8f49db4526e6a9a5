/** Model solution for `one-hot-encode` (plain TypeScript). */
export function oneHotEncode(ids: number[][], vocabSize: number, unkIndex: number): number[][][] {
  return ids.map((sequence) =>
    sequence.map((id) => {
      // A word outside the vocabulary still needs a vector: it becomes the <unk> word.
      const index = id >= 0 && id < vocabSize ? id : unkIndex;
      const x = new Array<number>(vocabSize).fill(0);
      x[index] = 1;
      return x;
    }),
  );
}
