/**
 * Seeded cases for `bidirectional-rnn-output`. m, T_x, n_x, n_a and n_y vary between cases; every visible case
 * has T_x ≥ 3, so backward states stored in the wrong order, a backward pass run from x<1>, a backward pass
 * that starts from a→<T_x> and a swapped concatenation all change visible numbers. A hidden case puts the
 * logits near ±1000 (the softmax must subtract its largest logit). Inputs are on the 1/64 grid so float32
 * reads them exactly.
 */
import { onGrid } from "../../lib/parameter-sets";
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
  /** W_y's first n_a columns (the forward half) set to 0. */
  backwardOnly?: boolean;
  /** x<t> = x<T_x+1−t> and the backward RNN given the forward RNN's weights. */
  mirrored?: boolean;
  /** b_y near 1000 with one entry at −1000: overflow unless the largest logit is subtracted. */
  hugeLogits?: boolean;
  /** b_a entries of size 4 to 6 (random sign) in both directions: tanh saturated by the bias. */
  saturatingBias?: boolean;
  note?: Localized;
}

const specs: CaseSpec[] = [
  { name: { en: "two short sequences", zh: "两个短序列" }, visible: true, m: () => 2, steps: (r) => r.int(3, 4), nx: (r) => r.int(2, 3), na: (r) => r.int(2, 3), ny: (r) => r.int(2, 3), weightStd: 0.8 },
  {
    name: { en: "three sequences, different sizes", zh: "三个序列，尺寸各不相同" },
    visible: true,
    m: () => 3,
    steps: (r) => r.int(4, 5),
    nx: (r) => r.int(3, 4),
    na: (r) => r.int(2, 4),
    ny: (r) => r.int(3, 4),
    weightStd: 0.8,
    note: {
      en: "W_y is n_y × 2n_a: its first n_a columns multiply a→<t>, the last n_a multiply a←<t>.",
      zh: "W_y 是 n_y × 2n_a：前 n_a 列乘 a→<t>，后 n_a 列乘 a←<t>。",
    },
  },
  {
    name: { en: "only the backward half reaches the output", zh: "只有反向的一半影响输出" },
    visible: true,
    m: () => 2,
    steps: (r) => r.int(4, 5),
    nx: (r) => r.int(1, 3),
    na: (r) => r.int(2, 3),
    ny: () => 2,
    weightStd: 0.9,
    backwardOnly: true,
    note: {
      en: "The first n_a columns of W_y are 0, so ŷ<t> depends on a←<t> alone: ŷ<1> has seen the whole sequence, ŷ<T_x> only x<T_x>.",
      zh: "W_y 的前 n_a 列为 0，所以 ŷ<t> 只取决于 a←<t>：ŷ<1> 看过了整个序列，ŷ<T_x> 只看过 x<T_x>。",
    },
  },
  {
    name: { en: "strong recurrence, long memory both ways", zh: "强循环，两个方向都记得很久" },
    visible: true,
    m: () => 2,
    steps: (r) => r.int(5, 6),
    nx: (r) => r.int(1, 2),
    na: (r) => r.int(2, 3),
    ny: (r) => r.int(2, 3),
    weightStd: 1.2,
    note: {
      en: "Large W_aa: a→<t> carries x<1>, …, x<t> and a←<t> carries x<t>, …, x<T_x>, each far along the sequence.",
      zh: "W_aa 较大：a→<t> 带着 x<1>, …, x<t> 的信息，a←<t> 带着 x<t>, …, x<T_x> 的信息，都能沿序列传得很远。",
    },
  },
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
      en: "T_x = 1: both passes start from a zero state and see only x<1>, so the direction does not matter; a→<1> and a←<1> differ only by their weights.",
      zh: "T_x = 1：两遍计算都从零状态出发，且都只看到 x<1>，方向无关紧要；a→<1> 与 a←<1> 只是权重不同。",
    },
  },
  {
    name: { en: "a mirrored sequence, the same weights both ways", zh: "镜像序列，两个方向权重相同" },
    visible: false,
    m: () => 2,
    steps: (r) => r.int(3, 5),
    nx: (r) => r.int(1, 3),
    na: (r) => r.int(2, 3),
    ny: (r) => r.int(2, 3),
    weightStd: 0.8,
    mirrored: true,
    note: {
      en: "x reads the same from either end and both RNNs share their weights, so a←<t> = a→<T_x+1−t>: the backward states are the forward ones reversed in time.",
      zh: "x 从两端读起都一样，两个 RNN 的权重也相同，所以 a←<t> = a→<T_x+1−t>：反向的状态就是把正向的状态在时间上倒过来。",
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
    note: { en: "m = 1, n_x = n_a = 1: W_y is n_y × 2, one column per direction.", zh: "m = 1，n_x = n_a = 1：W_y 是 n_y × 2，每个方向一列。" },
  },
  { name: { en: "a long sequence", zh: "长序列" }, visible: false, m: () => 2, steps: (r) => r.int(9, 10), nx: (r) => r.int(2, 3), na: (r) => r.int(2, 4), ny: (r) => r.int(2, 4), weightStd: 0.5 },
  {
    name: { en: "saturated tanh", zh: "tanh 饱和" },
    visible: false,
    m: (r) => r.int(2, 3),
    steps: (r) => r.int(3, 5),
    nx: (r) => r.int(2, 3),
    na: (r) => r.int(2, 3),
    ny: (r) => r.int(2, 3),
    weightStd: 0.7,
    saturatingBias: true,
    note: {
      en: "Large biases saturate tanh near ±1 in both directions; the states stay bounded and ŷ<t> stays a distribution.",
      zh: "偏置很大时两个方向的 tanh 都饱和到 ±1 附近；状态保持有界，ŷ<t> 仍是一个概率分布。",
    },
  },
  {
    name: { en: "logits near ±1000", zh: "logits 接近 ±1000" },
    visible: false,
    m: () => 2,
    steps: (r) => r.int(2, 3),
    nx: (r) => r.int(1, 3),
    na: (r) => r.int(1, 3),
    ny: (r) => r.int(3, 4),
    weightStd: 0.7,
    hugeLogits: true,
    note: {
      en: "b_y ≈ 1000 with one entry at −1000: subtract the largest logit at every step, or e^1000 overflows; the class at −1000 gets probability 0.",
      zh: "b_y ≈ 1000，其中一项为 −1000：每一步都要先减去最大的 logit，否则 e^1000 会溢出；−1000 那一类的概率为 0。",
    },
  },
];

function makeCase(spec: CaseSpec, rng: Rng): ExerciseCase {
  const m = spec.m(rng);
  const steps = spec.steps(rng);
  const nx = spec.nx(rng);
  const na = spec.na(rng);
  const ny = spec.ny(rng);
  const weight = () => onGrid(rng.normal(0, spec.weightStd));
  const bias = () => onGrid(spec.saturatingBias ? (rng.next() < 0.5 ? -1 : 1) * rng.uniform(4, 6) : rng.normal(0, 0.5));
  const sequence = (): number[][] => {
    const drawn = rng.matrix(steps, nx, () => onGrid(rng.uniform(-1.5, 1.5)));
    return spec.mirrored ? drawn.map((_, t) => [...drawn[Math.min(t, steps - 1 - t)]!]) : drawn;
  };
  const x = Array.from({ length: m }, sequence);
  const WaaF = rng.matrix(na, na, weight);
  const WaxF = rng.matrix(na, nx, weight);
  const baF = rng.vector(na, bias);
  const WaaB = spec.mirrored ? WaaF.map((row) => [...row]) : rng.matrix(na, na, weight);
  const WaxB = spec.mirrored ? WaxF.map((row) => [...row]) : rng.matrix(na, nx, weight);
  const baB = spec.mirrored ? [...baF] : rng.vector(na, bias);
  const Wy = rng.matrix(ny, 2 * na, weight).map((row) => (spec.backwardOnly ? row.map((w, j) => (j < na ? 0 : w)) : row));
  const by = rng.vector(ny, () => (spec.hugeLogits ? 1000 + rng.int(-3, 3) : onGrid(rng.normal(0, 0.5))));
  if (spec.hugeLogits) by[rng.int(0, ny - 1)] = -1000;
  return { name: spec.name, visible: spec.visible, args: [x, WaaF, WaxF, baF, WaaB, WaxB, baB, Wy, by], note: spec.note };
}

const cases: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default cases;
