/** Misconception `one-based-ids`: ids counted from 1 (word 1 at position 0, id |V| taken as the last word). */
export function oneHotEncode(ids: number[][], vocabSize: number, unkIndex: number): number[][][] {
  return ids.map((sequence) =>
    sequence.map((id) => {
      const index = id >= 1 && id <= vocabSize ? id - 1 : unkIndex;
      const x = new Array<number>(vocabSize).fill(0);
      x[index] = 1;
      return x;
    }),
  );
}
