/**
 * Seeded cases for `rnn-cell-forward`. m, n_x, n_a and n_y vary between cases (n_x ≠ n_a in most, so a
 * swapped W_aa / W_ax cannot hide). Every input is on the 1/64 grid so float32 reads it exactly.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface CaseSpec {
  name: Localized;
  visible: boolean;
  m: (rng: Rng) => number;
  nx: (rng: Rng) => number;
  na: (rng: Rng) => number;
  ny: (rng: Rng) => number;
  weightStd: number;
  /** a<t−1> = 0, as at t = 1. */
  zeroState?: boolean;
  /** Added to every entry of b_y (logits near 1000). */
  byOffset?: number;
  note?: Localized;
}

const specs: CaseSpec[] = [
  { name: { en: "small batch", zh: "小批量" }, visible: true, m: () => 2, nx: (r) => r.int(2, 3), na: (r) => r.int(3, 4), ny: (r) => r.int(2, 3), weightStd: 0.7 },
  {
    name: { en: "different sizes everywhere", zh: "各处尺寸都不同" },
    visible: true,
    m: () => 3,
    nx: (r) => r.int(4, 5),
    na: (r) => r.int(2, 3),
    ny: (r) => r.int(3, 4),
    weightStd: 0.7,
    note: {
      en: "n_x, n_a and n_y all differ: W_ax is n_a × n_x, W_ya is n_y × n_a, and the softmax runs over each row of ŷ<t>.",
      zh: "n_x、n_a、n_y 各不相同：W_ax 是 n_a × n_x,W_ya 是 n_y × n_a,softmax 对 ŷ<t> 的每一行分别计算。",
    },
  },
  {
    name: { en: "logits near 1000", zh: "logits 接近 1000" },
    visible: true,
    m: () => 2,
    nx: (r) => r.int(2, 3),
    na: (r) => r.int(2, 3),
    ny: (r) => r.int(3, 4),
    weightStd: 0.7,
    byOffset: 1000,
    note: {
      en: "b_y ≈ 1000 with one entry at −1000: e^1000 overflows to Infinity, so subtract the largest logit before exponentiating (softmax is unchanged by the shift); the class at −1000 gets probability 0.",
      zh: "b_y ≈ 1000，其中一项为 −1000:e^1000 会溢出为 Infinity，所以取指数前先减去最大的 logit（平移不改变 softmax）；−1000 那一类的概率为 0。",
    },
  },
  {
    name: { en: "first step (a<0> = 0)", zh: "第一个时间步（a<0> = 0）" },
    visible: true,
    m: () => 2,
    nx: (r) => r.int(2, 4),
    na: (r) => r.int(2, 4),
    ny: () => 2,
    weightStd: 0.7,
    zeroState: true,
    note: {
      en: "At t = 1 the notes set a<0> = 0: W_aa a<0> vanishes and a<1> = tanh(W_ax x<1> + b_a).",
      zh: "t = 1 时笔记取 a<0> = 0:W_aa a<0> 为零，a<1> = tanh(W_ax x<1> + b_a)。",
    },
  },
  {
    name: { en: "one example, one unit", zh: "一个样本，一个单元" },
    visible: false,
    m: () => 1,
    nx: (r) => r.int(1, 2),
    na: () => 1,
    ny: () => 3,
    weightStd: 1,
    note: { en: "m = 1 and n_a = 1: still a 1 × n_a and a 1 × n_y matrix.", zh: "m = 1 且 n_a = 1：结果仍是 1 × n_a 与 1 × n_y 的矩阵。" },
  },
  {
    name: { en: "saturated tanh", zh: "tanh 饱和" },
    visible: false,
    m: () => 2,
    nx: (r) => r.int(2, 4),
    na: (r) => r.int(2, 4),
    ny: (r) => r.int(2, 3),
    weightStd: 6,
    note: {
      en: "Large weights push tanh to ±1: a<t> stays in [−1, 1], the exploding activations of an unbounded g cannot happen.",
      zh: "权重很大时 tanh 饱和到 ±1:a<t> 仍在 [−1, 1] 内，不会像无界的 g 那样爆炸。",
    },
  },
  { name: { en: "larger batch", zh: "更大的批量" }, visible: false, m: (r) => r.int(4, 5), nx: (r) => r.int(3, 5), na: (r) => r.int(4, 6), ny: (r) => r.int(4, 5), weightStd: 0.5 },
  { name: { en: "more outputs than units", zh: "输出数多于单元数" }, visible: false, m: () => 3, nx: (r) => r.int(1, 3), na: () => 2, ny: (r) => r.int(5, 6), weightStd: 0.8 },
];

const onGrid = (v: number): number => Math.round(v * 64) / 64;

function makeCase(spec: CaseSpec, rng: Rng): ExerciseCase {
  const m = spec.m(rng);
  const nx = spec.nx(rng);
  const na = spec.na(rng);
  const ny = spec.ny(rng);
  const weight = () => onGrid(rng.normal(0, spec.weightStd));
  const xt = rng.matrix(m, nx, () => onGrid(rng.uniform(-1.5, 1.5)));
  const aPrev = rng.matrix(m, na, () => (spec.zeroState ? 0 : onGrid(rng.uniform(-1, 1))));
  const Waa = rng.matrix(na, na, weight);
  const Wax = rng.matrix(na, nx, weight);
  const Wya = rng.matrix(ny, na, weight);
  const ba = rng.vector(na, () => onGrid(rng.normal(0, 0.5)));
  const by = rng.vector(ny, () => (spec.byOffset ? spec.byOffset + rng.int(-3, 3) : onGrid(rng.normal(0, 0.5))));
  // One class far below the rest: its probability is 0, and shifting by anything but the max overflows.
  if (spec.byOffset) by[rng.int(0, ny - 1)] = -spec.byOffset;
  return { name: spec.name, visible: spec.visible, args: [xt, aPrev, Waa, Wax, Wya, ba, by], note: spec.note };
}

const cases: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default cases;
