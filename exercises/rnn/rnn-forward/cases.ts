/**
 * Seeded cases for `rnn-forward`. m, T_x, n_x, n_a and n_y vary between cases; every visible case has m ≥ 2
 * and T_x ≥ 3, so a state carried from one sequence into the next, a missing recurrence, a shifted or
 * reversed time axis all change visible numbers. Inputs are on the 1/64 grid so float32 reads them exactly.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface CaseSpec {
  name: Localized;
  visible: boolean;
  m: (rng: Rng) => number;
  steps: (rng: Rng) => number;
  nx: (rng: Rng) => number;
  na: (rng: Rng) => number;
  ny: (rng: Rng) => number;
  weightStd: number;
  /** b_a entries of size 4 to 6 (random sign): tanh saturated by the bias, not by huge weights. */
  saturatingBias?: boolean;
  /** b_y near 1000 with one entry at −1000: overflow unless the largest logit is subtracted. */
  hugeLogits?: boolean;
  note?: Localized;
}

const specs: CaseSpec[] = [
  { name: { en: "two short sequences", zh: "两个短序列" }, visible: true, m: () => 2, steps: (r) => r.int(3, 4), nx: (r) => r.int(2, 3), na: (r) => r.int(3, 4), ny: (r) => r.int(2, 3), weightStd: 0.7 },
  {
    name: { en: "three sequences, different sizes", zh: "三个序列，尺寸各不相同" },
    visible: true,
    m: () => 3,
    steps: (r) => r.int(4, 5),
    nx: (r) => r.int(4, 5),
    na: (r) => r.int(2, 3),
    ny: (r) => r.int(3, 4),
    weightStd: 0.7,
    note: {
      en: "Each of the m sequences starts again from a<0> = 0: the state of one sequence never flows into the next.",
      zh: "m 个序列各自从 a<0> = 0 开始：一个序列的状态绝不会流入下一个序列。",
    },
  },
  {
    name: { en: "strong recurrence", zh: "强循环" },
    visible: true,
    m: () => 2,
    steps: (r) => r.int(5, 6),
    nx: (r) => r.int(1, 2),
    na: (r) => r.int(2, 3),
    ny: () => 2,
    weightStd: 1.2,
    note: {
      en: "Large W_aa: a<t> depends strongly on a<t−1>, so what came earlier in the sequence shows in every later step.",
      zh: "W_aa 较大：a<t> 强烈依赖 a<t−1>，序列前面的内容会体现在后面每一步。",
    },
  },
  { name: { en: "more outputs than units", zh: "输出数多于单元数" }, visible: true, m: () => 2, steps: (r) => r.int(3, 4), nx: (r) => r.int(2, 4), na: () => 2, ny: (r) => r.int(4, 5), weightStd: 0.8 },
  {
    name: { en: "a single time step", zh: "只有一个时间步" },
    visible: false,
    m: (r) => r.int(1, 2),
    steps: () => 1,
    nx: (r) => r.int(1, 3),
    na: (r) => r.int(1, 3),
    ny: (r) => r.int(2, 3),
    weightStd: 0.8,
    note: {
      en: "T_x = 1: a<1> = tanh(W_ax x<1> + b_a), since a<0> = 0.",
      zh: "T_x = 1：由于 a<0> = 0,a<1> = tanh(W_ax x<1> + b_a)。",
    },
  },
  {
    name: { en: "one sequence, one unit", zh: "一个序列，一个单元" },
    visible: false,
    m: () => 1,
    steps: (r) => r.int(3, 4),
    nx: () => 1,
    na: () => 1,
    ny: () => 2,
    weightStd: 1,
    note: { en: "m = 1 and n_a = 1: still m × T_x × n_a.", zh: "m = 1 且 n_a = 1：结果仍是 m × T_x × n_a。" },
  },
  {
    name: { en: "a long sequence", zh: "长序列" },
    visible: false,
    m: () => 2,
    steps: (r) => r.int(9, 10),
    nx: (r) => r.int(2, 3),
    na: (r) => r.int(3, 5),
    ny: (r) => r.int(2, 4),
    weightStd: 0.5,
  },
  {
    name: { en: "saturated tanh", zh: "tanh 饱和" },
    visible: false,
    m: (r) => r.int(2, 3),
    steps: (r) => r.int(3, 5),
    nx: (r) => r.int(2, 3),
    na: (r) => r.int(2, 4),
    ny: (r) => r.int(2, 3),
    weightStd: 0.7,
    saturatingBias: true,
    note: {
      en: "Large biases saturate tanh near ±1 at every step: the activations stay bounded however long the sequence, and barely change with x<t>.",
      zh: "偏置很大时每一步的 tanh 都饱和到 ±1 附近：无论序列多长，激活值都有界，而且几乎不随 x<t> 变化。",
    },
  },
  {
    name: { en: "logits near ±1000", zh: "logits 接近 ±1000" },
    visible: false,
    m: () => 2,
    steps: (r) => r.int(2, 3),
    nx: (r) => r.int(1, 3),
    na: (r) => r.int(2, 3),
    ny: (r) => r.int(3, 4),
    weightStd: 0.7,
    hugeLogits: true,
    note: {
      en: "b_y ≈ 1000 with one entry at −1000: subtract the largest logit at every step, or e^1000 overflows; the class at −1000 gets probability 0.",
      zh: "b_y ≈ 1000，其中一项为 −1000：每一步都要先减去最大的 logit，否则 e^1000 会溢出；−1000 那一类的概率为 0。",
    },
  },
];

const onGrid = (v: number): number => Math.round(v * 64) / 64;

function makeCase(spec: CaseSpec, rng: Rng): ExerciseCase {
  const m = spec.m(rng);
  const steps = spec.steps(rng);
  const nx = spec.nx(rng);
  const na = spec.na(rng);
  const ny = spec.ny(rng);
  const weight = () => onGrid(rng.normal(0, spec.weightStd));
  const x = Array.from({ length: m }, () => rng.matrix(steps, nx, () => onGrid(rng.uniform(-1.5, 1.5))));
  const Waa = rng.matrix(na, na, weight);
  const Wax = rng.matrix(na, nx, weight);
  const Wya = rng.matrix(ny, na, weight);
  const ba = rng.vector(na, () => onGrid(spec.saturatingBias ? (rng.next() < 0.5 ? -1 : 1) * rng.uniform(4, 6) : rng.normal(0, 0.5)));
  const by = rng.vector(ny, () => (spec.hugeLogits ? 1000 + rng.int(-3, 3) : onGrid(rng.normal(0, 0.5))));
  if (spec.hugeLogits) by[rng.int(0, ny - 1)] = -1000;
  return { name: spec.name, visible: spec.visible, args: [x, Waa, Wax, Wya, ba, by], note: spec.note };
}

const cases: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default cases;
