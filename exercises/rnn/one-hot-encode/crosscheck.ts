/**
 * Proves the reference's encoding equals tf.oneHot once out-of-vocabulary ids are mapped to <unk>. tf.oneHot
 * alone gives an all-zero row for an id outside 0 … |V| − 1 (the `unknown-as-zero-row` misconception), which
 * is why the exercise maps them first; the test file shows that difference.
 */
import { tf } from "../../lib/tf";
import { caseSeed, createRng } from "../../lib/random";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import { oneHotReference, vocabularyIds } from "./reference";

/** tf.oneHot of the given ids (no <unk> mapping unless `mapUnknown`), as m × T_x × |V|. */
export function tfOneHot(ids: number[][], vocabSize: number, unkIndex: number, mapUnknown = true): number[][][] {
  return tf.tidy(() => {
    const indices = mapUnknown ? vocabularyIds(ids, vocabSize, unkIndex) : tf.tensor2d(ids, [ids.length, ids[0]!.length], "int32");
    return tf.oneHot(indices, vocabSize).arraySync() as number[][][];
  });
}

export function maxAbsDifference(a: number[][][], b: number[][][]): number {
  let max = 0;
  a.forEach((seq, i) => seq.forEach((row, t) => row.forEach((v, k) => (max = Math.max(max, Math.abs(v - b[i]![t]![k]!))))));
  return max;
}

const crossCheck: CrossCheck = (seed) => {
  const results: CrossCheckResult[] = [];
  [0, 1].forEach((index) => {
    const rng = createRng(caseSeed(seed, index));
    const vocabSize = rng.int(3, 12);
    const unkIndex = rng.int(0, vocabSize - 1);
    const m = rng.int(1, 3);
    const steps = rng.int(2, 6);
    const ids = rng.matrix(m, steps, () => rng.int(-3, vocabSize + 3));
    const error = maxAbsDifference(oneHotReference(ids, vocabSize, unkIndex), tfOneHot(ids, vocabSize, unkIndex));
    results.push({ name: `tf.oneHot after the <unk> mapping (m=${m}, T_x=${steps}, |V|=${vocabSize})`, maxAbsError: error, tolerance: 0 });
  });
  return results;
};

export default crossCheck;
