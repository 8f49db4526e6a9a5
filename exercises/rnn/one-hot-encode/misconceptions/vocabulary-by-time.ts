/** Misconception `vocabulary-by-time`: each sequence returned as a |V| × T_x matrix (one column per time step, the course's x layout). */
export function oneHotEncode(ids: number[][], vocabSize: number, unkIndex: number): number[][][] {
  return ids.map((sequence) => {
    const columns = Array.from({ length: vocabSize }, () => new Array<number>(sequence.length).fill(0));
    sequence.forEach((id, t) => {
      const index = id >= 0 && id < vocabSize ? id : unkIndex;
      columns[index]![t] = 1;
    });
    return columns;
  });
}
