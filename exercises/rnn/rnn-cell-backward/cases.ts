/**
 * Seeded cases for `rnn-cell-backward`. m, n_x and n_a vary between cases (n_x ≠ n_a in most, so a gradient of
 * the wrong shape cannot hide), every visible case but the first-step one has m ≥ 2, n_a ≥ 2 and a non-zero
 * a<t−1>, so averaging over the batch and a transposed W_aa or dW_aa show. Every input is on the 1/64 grid so
 * float32 reads it exactly.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface CaseSpec {
  name: Localized;
  visible: boolean;
  m: (rng: Rng) => number;
  nx: (rng: Rng) => number;
  na: (rng: Rng) => number;
  weightStd: number;
  /** a<t−1> = 0, as at t = 1. */
  zeroState?: boolean;
  /** b_a entries of size 2.5 to 3.5 (random sign): tanh saturated by the bias. */
  saturatingBias?: boolean;
  /** One unit's upstream gradient is 0 for every example. */
  silentUnit?: boolean;
  note?: Localized;
}

const specs: CaseSpec[] = [
  { name: { en: "a small batch", zh: "小批量" }, visible: true, m: () => 2, nx: (r) => r.int(2, 3), na: (r) => r.int(3, 4), weightStd: 0.7 },
  {
    name: { en: "different sizes everywhere", zh: "各处尺寸都不同" },
    visible: true,
    m: () => 3,
    nx: (r) => r.int(4, 5),
    na: (r) => r.int(2, 3),
    weightStd: 0.7,
    note: {
      en: "n_x ≠ n_a: each gradient has the shape of what it differentiates — dWax is n_a × n_x like W_ax, dxt is m × n_x like xt.",
      zh: "n_x ≠ n_a：每个梯度的形状都与被求导的量相同——dWax 和 W_ax 一样是 n_a × n_x，dxt 和 xt 一样是 m × n_x。",
    },
  },
  {
    name: { en: "first step (a<0> = 0)", zh: "第一个时间步（a<0> = 0）" },
    visible: true,
    m: () => 2,
    nx: (r) => r.int(2, 3),
    na: (r) => r.int(2, 4),
    weightStd: 0.7,
    zeroState: true,
    note: {
      en: "At t = 1, a<0> = 0: dW_aa = Σ dz a<0>ᵀ = 0, yet da<0> = W_aaᵀ dz is not 0 (it would reach a learned initial state).",
      zh: "t = 1 时 a<0> = 0：dW_aa = Σ dz a<0>ᵀ = 0，但 da<0> = W_aaᵀ dz 并不为 0（若初始状态可学习，梯度会传到它）。",
    },
  },
  {
    name: { en: "saturated tanh", zh: "tanh 饱和" },
    visible: true,
    m: () => 2,
    nx: (r) => r.int(2, 3),
    na: (r) => r.int(2, 3),
    weightStd: 0.5,
    saturatingBias: true,
    note: {
      en: "Biases of size 3 push a<t> towards ±1, where tanh′ = 1 − (a<t>)² is near 0: every gradient almost vanishes. This is how gradients shrink step after step in a long RNN.",
      zh: "大小约为 3 的偏置把 a<t> 推向 ±1，此处 tanh′ = 1 − (a<t>)² 接近 0：所有梯度几乎消失。长序列的 RNN 中梯度就是这样一步步变小的。",
    },
  },
  {
    name: { en: "one example", zh: "只有一个样本" },
    visible: false,
    m: () => 1,
    nx: (r) => r.int(2, 4),
    na: (r) => r.int(2, 3),
    weightStd: 0.8,
    note: {
      en: "m = 1: each parameter gradient is a single outer product, e.g. dW_ax = dz x<t>ᵀ.",
      zh: "m = 1：每个参数的梯度只是一个外积，例如 dW_ax = dz x<t>ᵀ。",
    },
  },
  { name: { en: "a larger batch", zh: "更大的批量" }, visible: false, m: (r) => r.int(4, 5), nx: (r) => r.int(3, 5), na: (r) => r.int(4, 5), weightStd: 0.5 },
  {
    name: { en: "one unit", zh: "只有一个单元" },
    visible: false,
    m: (r) => r.int(2, 3),
    nx: (r) => r.int(2, 3),
    na: () => 1,
    weightStd: 0.8,
    note: { en: "n_a = 1: W_aa, dW_aa are 1 × 1 and dba has one entry; the results keep their matrix shapes.", zh: "n_a = 1：W_aa、dW_aa 都是 1 × 1，dba 只有一项；结果仍保持矩阵形状。" },
  },
  {
    name: { en: "a unit nothing depends on", zh: "没有任何输出依赖的单元" },
    visible: false,
    m: (r) => r.int(2, 3),
    nx: (r) => r.int(2, 4),
    na: (r) => r.int(2, 4),
    weightStd: 0.7,
    silentUnit: true,
    note: {
      en: "One unit's upstream gradient is 0 for every example: its dz is 0, so its row of dW_ax and dW_aa and its entry of db_a are 0.",
      zh: "某个单元对每个样本的上游梯度都是 0：它的 dz 为 0，所以 dW_ax、dW_aa 中它那一行以及 db_a 中它那一项都是 0。",
    },
  },
];

const onGrid = (v: number): number => Math.round(v * 64) / 64;

function makeCase(spec: CaseSpec, rng: Rng): ExerciseCase {
  const m = spec.m(rng);
  const nx = spec.nx(rng);
  const na = spec.na(rng);
  const weight = () => onGrid(rng.normal(0, spec.weightStd));
  const daNext = rng.matrix(m, na, () => onGrid(rng.normal(0, 1)));
  const xt = rng.matrix(m, nx, () => onGrid(rng.uniform(-1.5, 1.5)));
  const aPrev = rng.matrix(m, na, () => (spec.zeroState ? 0 : onGrid(rng.uniform(-1, 1))));
  const Waa = rng.matrix(na, na, weight);
  const Wax = rng.matrix(na, nx, weight);
  const ba = rng.vector(na, () => onGrid(spec.saturatingBias ? (rng.next() < 0.5 ? -1 : 1) * rng.uniform(2.5, 3.5) : rng.normal(0, 0.5)));
  if (spec.silentUnit) {
    const unit = rng.int(0, na - 1);
    daNext.forEach((row) => (row[unit] = 0));
  }
  return { name: spec.name, visible: spec.visible, args: [daNext, xt, aPrev, Waa, Wax, ba], note: spec.note };
}

const cases: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default cases;
