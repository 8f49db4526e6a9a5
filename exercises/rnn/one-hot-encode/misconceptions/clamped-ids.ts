/** Misconception `clamped-ids`: an out-of-range id is clamped to the nearest word (0 or |V| − 1) instead of <unk>. */
export function oneHotEncode(ids: number[][], vocabSize: number, unkIndex: number): number[][][] {
  return ids.map((sequence) =>
    sequence.map((id) => {
      const index = Math.min(Math.max(id, 0), vocabSize - 1);
      const x = new Array<number>(vocabSize).fill(0);
      x[index] = 1;
      return x;
    }),
  );
}
