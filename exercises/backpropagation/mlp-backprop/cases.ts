/**
 * Seeded cases for `mlp-backprop`. Layer sizes and the number of examples m differ between cases; edge cases:
 * one example (m = 1), a square hidden layer (a transposed dW[1] then has the right shape), saturated hidden
 * units (g'(Z[1]) ≈ 0), a confident output layer and a batch with a single label.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface CaseSpec {
  name: Localized;
  visible: boolean;
  /** [n_x, n[1], m] */
  sizes: (rng: Rng) => [number, number, number];
  w1Std: number;
  w2Std: number;
  b2?: (rng: Rng) => number;
  labels?: (rng: Rng) => number;
  note?: Localized;
}

const specs: CaseSpec[] = [
  { name: { en: "small batch", zh: "较小的批量" }, visible: true, sizes: (r) => [r.int(2, 3), r.int(3, 4), r.int(4, 6)], w1Std: 0.8, w2Std: 0.8 },
  {
    name: { en: "square hidden layer (n[1] = n_x)", zh: "隐藏层与输入同宽（n[1] = n_x）" },
    visible: true,
    sizes: (r) => {
      const n = r.int(3, 4);
      return [n, n, r.int(5, 8)];
    },
    w1Std: 0.8,
    w2Std: 0.8,
    note: {
      en: "n[1] = n_x, so W[1] is square: a transposed dW[1] has the right shape and only its values give it away.",
      zh: "n[1] = n_x,W[1] 是方阵：转置了的 dW[1] 形状也对，只能从数值上看出错误。",
    },
  },
  {
    name: { en: "one example (m = 1)", zh: "一个样本（m = 1）" },
    visible: true,
    sizes: (r) => [r.int(2, 4), r.int(2, 4), 1],
    w1Std: 0.8,
    w2Std: 0.8,
    note: {
      en: "With m = 1 the mean over examples is the example itself: a missing 1/m cannot show here, and db is just dZ.",
      zh: "m = 1 时对样本求平均就是这个样本本身：漏掉 1/m 在这里看不出来，db 就等于 dZ。",
    },
  },
  { name: { en: "larger batch", zh: "较大的批量" }, visible: true, sizes: (r) => [r.int(3, 5), r.int(2, 5), r.int(10, 16)], w1Std: 0.8, w2Std: 0.8 },
  {
    name: { en: "saturated hidden units", zh: "饱和的隐藏单元" },
    visible: false,
    sizes: (r) => [r.int(2, 4), r.int(3, 5), r.int(4, 8)],
    w1Std: 8,
    w2Std: 0.8,
    note: {
      en: "Large W[1] pushes tanh into saturation: g'(Z[1]) = 1 − A[1]² ≈ 0, so dW[1] and db[1] almost vanish.",
      zh: "W[1] 很大时 tanh 饱和：g'(Z[1]) = 1 − A[1]² ≈ 0,dW[1] 与 db[1] 几乎为零。",
    },
  },
  {
    name: { en: "confident output layer", zh: "自信的输出层" },
    visible: false,
    sizes: (r) => [r.int(2, 4), r.int(2, 4), r.int(4, 8)],
    w1Std: 0.8,
    w2Std: 4,
    b2: (r) => (r.next() < 0.5 ? -1 : 1) * r.uniform(4, 6),
    note: {
      en: "A[2] is close to 0 or 1. dZ[2] = A[2] − Y stays well defined; dividing by A[2](1 − A[2]) along the way would not.",
      zh: "A[2] 接近 0 或 1。dZ[2] = A[2] − Y 依然良好；若中途除以 A[2](1 − A[2]) 就不行了。",
    },
  },
  {
    name: { en: "every label is 1", zh: "标签全为 1" },
    visible: false,
    // A single input feature too (n_x = 1): X has one row, so code that reads m from X[1] breaks here.
    sizes: (r) => [1, r.int(2, 4), r.int(3, 6)],
    w1Std: 0.8,
    w2Std: 0.8,
    labels: () => 1,
  },
  { name: { en: "wide input", zh: "输入很宽" }, visible: false, sizes: (r) => [r.int(6, 8), r.int(4, 6), r.int(6, 10)], w1Std: 0.5, w2Std: 0.8 },
];

function makeCase(spec: CaseSpec, rng: Rng): ExerciseCase {
  const [nx, n1, m] = spec.sizes(rng);
  const X = rng.matrix(nx, m, () => rng.normal(0, 1));
  const Y = [rng.vector(m, () => (spec.labels ? spec.labels(rng) : rng.next() < 0.5 ? 0 : 1))];
  const W1 = rng.matrix(n1, nx, () => rng.normal(0, spec.w1Std));
  const b1 = rng.matrix(n1, 1, () => rng.normal(0, 0.3));
  const W2 = rng.matrix(1, n1, () => rng.normal(0, spec.w2Std));
  const b2 = [[spec.b2 ? spec.b2(rng) : rng.normal(0, 0.3)]];
  return { name: spec.name, visible: spec.visible, args: [X, Y, W1, b1, W2, b2], note: spec.note };
}

const cases: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default cases;
