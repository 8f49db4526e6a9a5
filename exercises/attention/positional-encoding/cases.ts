/**
 * Seeded cases for `positional-encoding`: embeddings X of seqLen × d, on the 1/64 grid, with the shape drawn per case.
 * A long sequence (positions up to 59) makes the base matter to the fourth decimal; odd d, d = 1, d = 2 and a
 * single position are the edge cases.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface CaseSpec {
  name: Localized;
  visible: boolean;
  seqLen: (rng: Rng) => number;
  d: (rng: Rng) => number;
  note?: Localized;
}

const specs: CaseSpec[] = [
  { name: { en: "short sequence, even d", zh: "短序列，d 为偶数" }, visible: true, seqLen: (r) => r.int(4, 6), d: (r) => r.pick([4, 6, 8]) },
  {
    name: { en: "odd d", zh: "d 为奇数" },
    visible: true,
    seqLen: (r) => r.int(3, 5),
    d: (r) => r.pick([5, 7]),
    note: {
      en: "For odd d the last column, index d − 1, is even: it is the sine of pair i = (d − 1)/2, and its cosine would fall outside the row, so it is dropped. The exponent still divides by d.",
      zh: "d 为奇数时，最后一列的下标 d − 1 是偶数：它是第 i = (d − 1)/2 对的正弦，而对应的余弦落在行外，于是被舍去。指数里仍然除以 d。",
    },
  },
  {
    name: { en: "long sequence", zh: "长序列" },
    visible: true,
    seqLen: (r) => r.int(40, 60),
    d: (r) => r.pick([16, 32]),
    note: {
      en: "Positions up to 59: the first pair turns fast (sin pos, cos pos), the last ones barely move. Here a base of 1000 or 10001 instead of 10000 shows clearly.",
      zh: "位置一直到 59：第一对转得很快（sin pos、cos pos），最后几对几乎不动。这里把底数写成 1000 或 10001 都会明显出错。",
    },
  },
  {
    name: { en: "wide encoding", zh: "宽编码" },
    visible: true,
    seqLen: (r) => r.int(6, 10),
    d: (r) => r.pick([64, 128]),
    note: {
      en: "With large d the last frequencies are close to 1/10000: those columns are nearly sin 0 = 0 and cos 0 = 1 for every position.",
      zh: "d 很大时最后几个频率接近 1/10000：这些列对每个位置都接近 sin 0 = 0 和 cos 0 = 1。",
    },
  },
  {
    name: { en: "a single position", zh: "只有一个位置" },
    visible: false,
    seqLen: () => 1,
    d: (r) => r.pick([4, 6, 9]),
    note: {
      en: "Positions start at 0: position 0 is [0, 1, 0, 1, …], sin 0 and cos 0 in every pair.",
      zh: "位置从 0 开始：位置 0 的编码是 [0, 1, 0, 1, …]，每一对都是 sin 0 和 cos 0。",
    },
  },
  {
    name: { en: "d = 1", zh: "编码维数 d = 1" },
    visible: false,
    seqLen: (r) => r.int(3, 6),
    d: () => 1,
    note: { en: "A single column: P[pos][0] = sin(pos).", zh: "只有一列：P[pos][0] = sin(pos)。" },
  },
  {
    name: { en: "d = 2", zh: "编码维数 d = 2" },
    visible: false,
    seqLen: (r) => r.int(3, 6),
    d: () => 2,
    note: { en: "One pair with frequency 1: [sin pos, cos pos], a point going round the unit circle.", zh: "只有一对，频率为 1：[sin pos, cos pos]，一个沿单位圆转动的点。" },
  },
  { name: { en: "medium sequence, odd d", zh: "中等长度的序列，d 为奇数" }, visible: false, seqLen: (r) => r.int(10, 20), d: (r) => r.pick([9, 11, 15]) },
];

const cases: CaseGenerator = (seed) =>
  specs.map((spec, i) => {
    const rng = createRng(caseSeed(seed, i));
    const seqLen = spec.seqLen(rng);
    const d = spec.d(rng);
    const X = rng.matrix(seqLen, d, () => Math.round(rng.uniform(-1, 1) * 64) / 64);
    return { name: spec.name, visible: spec.visible, args: [X], note: spec.note } satisfies ExerciseCase;
  });

export default cases;
