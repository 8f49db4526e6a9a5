/** Misconception `unk-is-last-word`: every unknown word goes to the last position |V| − 1, whatever unkIndex says. */
export function oneHotEncode(ids: number[][], vocabSize: number, unkIndex: number): number[][][] {
  return ids.map((sequence) =>
    sequence.map((id) => {
      const index = id >= 0 && id < vocabSize ? id : vocabSize - 1;
      const x = new Array<number>(vocabSize).fill(0);
      x[index] = 1;
      return x;
    }),
  );
}
