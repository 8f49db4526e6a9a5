/** Misconception `unknown-as-zero-row`: an out-of-vocabulary id gets an all-zero vector (what tf.oneHot does). */
export function oneHotEncode(ids: number[][], vocabSize: number, unkIndex: number): number[][][] {
  return ids.map((sequence) =>
    sequence.map((id) => {
      const x = new Array<number>(vocabSize).fill(0);
      if (id >= 0 && id < vocabSize) x[id] = 1;
      return x;
    }),
  );
}
