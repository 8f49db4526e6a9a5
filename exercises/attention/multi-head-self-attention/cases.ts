/**
 * Seeded cases for `multi-head-self-attention`. n, d_model and h vary between cases (d_model is always a multiple
 * of h), with h ≥ 2 and n ≥ 2 in the visible cases so a wrong split or merge of the heads cannot hide. X and the
 * weights are on the 1/64 grid. Edge cases: d_k = 1, a single head, a single token, sharply peaked attention and
 * scores in the hundreds (exact in float32, see `largeScores`).
 */
import { caseSeed, createRng, shuffled, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface CaseSpec {
  name: Localized;
  visible: boolean;
  n: (rng: Rng) => number;
  /** [d_model, h] */
  model: (rng: Rng) => [number, number];
  /** Multiplies the spread of W_Q and W_K (larger: sharper attention). */
  sharpness: number;
  /**
   * Scores of about ±450: every token is ±u (u = ±3 in each entry, token 1 +u, token 2 −u) plus noise on the
   * 1/8 grid, and W_Q = W_K = 5 P for a random signed permutation P. Q K_iᵀ / √d_k (d_k = 4) is then exact in
   * float32, and a row's scores differ by more than 709.
   */
  largeScores?: boolean;
  note?: Localized;
}

const specs: CaseSpec[] = [
  { name: { en: "two heads", zh: "两个头" }, visible: true, n: (r) => r.int(3, 4), model: (r) => [r.pick([4, 6]), 2], sharpness: 1 },
  { name: { en: "three heads", zh: "三个头" }, visible: true, n: (r) => r.int(4, 5), model: (r) => [r.pick([6, 9]), 3], sharpness: 1 },
  {
    name: { en: "four heads of width 2", zh: "四个宽度为 2 的头" },
    visible: true,
    n: (r) => r.int(3, 5),
    model: () => [8, 4],
    sharpness: 1,
    note: {
      en: "d_model = 8 and h = 4, so d_k = 2: head 1 owns columns 1–2 of Q, K and V, head 2 columns 3–4, and so on; every head sees every token.",
      zh: "d_model = 8、h = 4，所以 d_k = 2：第 1 个头拥有 Q、K、V 的第 1–2 列，第 2 个头拥有第 3–4 列，依此类推；每个头都能看到所有词元。",
    },
  },
  {
    name: { en: "one column per head (d_k = 1)", zh: "每个头一列（d_k = 1）" },
    visible: true,
    n: (r) => r.int(3, 4),
    model: (r) => {
      const d = r.pick([3, 4]);
      return [d, d];
    },
    sharpness: 1,
    note: {
      en: "h = d_model: each head works with a single column, √d_k = 1, and each score is a product of two numbers.",
      zh: "h = d_model：每个头只有一列，√d_k = 1，每个分数就是两个数的乘积。",
    },
  },
  {
    name: { en: "a single head (h = 1)", zh: "只有一个头（h = 1）" },
    visible: false,
    n: (r) => r.int(3, 5),
    model: (r) => [r.pick([3, 4, 5]), 1],
    sharpness: 1,
    note: {
      en: "With h = 1 there is nothing to split: d_k = d_model, this is plain self-attention, and W_O still projects the result.",
      zh: "h = 1 时无需拆分：d_k = d_model，这就是普通的自注意力，结果仍然要经过 W_O 投影。",
    },
  },
  {
    name: { en: "a single token (n = 1)", zh: "只有一个词元（n = 1）" },
    visible: false,
    n: () => 1,
    model: (r) => r.pick<[number, number]>([[4, 2], [6, 3], [6, 2]]),
    sharpness: 1,
    note: {
      en: "One token attends only to itself: every head's weight is [[1]] and the output is x W_V W_O.",
      zh: "只有一个词元时它只能关注自己：每个头的权重都是 [[1]]，输出就是 x W_V W_O。",
    },
  },
  {
    name: { en: "sharp attention", zh: "尖锐的注意力" },
    visible: false,
    n: (r) => r.int(4, 5),
    model: (r) => r.pick<[number, number]>([[6, 2], [8, 2], [6, 3]]),
    sharpness: 3,
    note: {
      en: "Larger W_Q and W_K make the scores spread widely: most heads put nearly all their weight on one token.",
      zh: "W_Q 和 W_K 较大，分数差距很大：多数头几乎把全部权重都放在一个词元上。",
    },
  },
  {
    name: { en: "scores in the hundreds", zh: "分数达到几百" },
    visible: false,
    n: (r) => r.int(3, 4),
    model: () => [8, 2],
    sharpness: 1,
    largeScores: true,
    note: {
      en: "Tokens pointing the same way score about +450, opposite ones about −450: exp overflows unless each row is shifted by its largest score, and shifting by the smallest overflows just the same.",
      zh: "方向相同的词元分数约为 +450，方向相反的约为 −450：每一行必须先减去最大的分数，否则 exp 会溢出；减去最小的分数同样会溢出。",
    },
  },
  { name: { en: "longer sequence, wider model", zh: "较长的序列，更宽的模型" }, visible: false, n: (r) => r.int(6, 7), model: (r) => r.pick<[number, number]>([[12, 3], [12, 4], [12, 6]]), sharpness: 1 },
];

const onGrid = (v: number): number => Math.round(v * 64) / 64;

function largeScoreArgs(rng: Rng, n: number, dModel: number, h: number): ExerciseCase["args"] {
  const u = Array.from({ length: dModel }, () => rng.pick([-3, 3]));
  const X = Array.from({ length: n }, (_, j) => {
    const sign = j === 0 ? 1 : j === 1 ? -1 : rng.pick([-1, 1]);
    return u.map((v) => sign * v + Math.round(rng.normal(0, 0.5) * 8) / 8);
  });
  const order = shuffled(rng, Array.from({ length: dModel }, (_, k) => k));
  const signedPermutation = (scale: number) => order.map((col) => Array.from({ length: dModel }, (_, c) => (c === col ? scale * rng.pick([-1, 1]) : 0)));
  const P = signedPermutation(5);
  const std = 1.5 / Math.sqrt(dModel);
  const weight = () => rng.matrix(dModel, dModel, () => onGrid(rng.normal(0, std)));
  return [X, P, P, weight(), weight(), h];
}

function makeCase(spec: CaseSpec, rng: Rng): ExerciseCase {
  const n = spec.n(rng);
  const [dModel, h] = spec.model(rng);
  const std = 1.5 / Math.sqrt(dModel);
  const weight = (scale: number) => rng.matrix(dModel, dModel, () => onGrid(rng.normal(0, scale * std)));
  if (spec.largeScores) return { name: spec.name, visible: spec.visible, args: largeScoreArgs(rng, n, dModel, h), note: spec.note };
  const X = rng.matrix(n, dModel, () => onGrid(rng.uniform(-1.5, 1.5)));
  const WQ = weight(spec.sharpness);
  const WK = weight(spec.sharpness);
  const WV = weight(1);
  const WO = weight(1);
  return { name: spec.name, visible: spec.visible, args: [X, WQ, WK, WV, WO, h], note: spec.note };
}

const cases: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default cases;
