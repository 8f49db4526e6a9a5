/**
 * Seeded cases for `l2RegularizedBackprop`. X and the weights sit on a 1/8 grid and b[1] on an odd multiple of
 * 1/128, so Z[1] is computed exactly in float32 and float64 and is never 0: ReLU's kink never decides a case.
 * Visible cases have b ≠ 0 (a regularised bias shows), m ≠ 1 in most shapes (a missing 1/m shows) and λ large
 * enough that the penalty's share is far above the tolerance.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number, steps = 8): number => Math.round(value * steps) / steps;

interface Spec {
  name: Localized;
  visible: boolean;
  /** [n_x, n[1], m] */
  sizes: (rng: Rng) => [number, number, number];
  lambda: (rng: Rng) => number;
  labels?: number;
  note?: Localized;
}

const specs: Spec[] = [
  {
    name: { en: "λ = 0.7", zh: "正则化强度 λ = 0.7" },
    visible: true,
    sizes: (r) => [r.int(2, 3), r.int(3, 4), r.int(4, 6)],
    lambda: () => 0.7,
  },
  {
    name: { en: "a larger batch", zh: "更大的批量" },
    visible: true,
    sizes: (r) => [r.int(3, 5), r.int(2, 5), r.int(10, 16)],
    lambda: (r) => onGrid(r.uniform(0.5, 1.5), 10),
  },
  {
    name: { en: "strong regularisation (λ = 5)", zh: "强正则化（λ = 5）" },
    visible: true,
    sizes: (r) => [r.int(2, 4), r.int(3, 5), r.int(3, 5)],
    lambda: () => 5,
    note: {
      en: "With a large λ the penalty's $\\frac{\\lambda}{m}W$ dominates $dW$: gradient descent then mostly shrinks the weights, the weight decay $w \\leftarrow (1-\\alpha\\frac{\\lambda}{m})w - \\dots$ of the notes.",
      zh: "λ 很大时 $dW$ 主要来自惩罚项 $\\frac{\\lambda}{m}W$：梯度下降主要在缩小权重，即笔记中的权重衰减 $w \\leftarrow (1-\\alpha\\frac{\\lambda}{m})w - \\dots$。",
    },
  },
  {
    name: { en: "one example (m = 1)", zh: "一个样本（m = 1）" },
    visible: true,
    sizes: (r) => [r.int(2, 4), r.int(2, 4), 1],
    lambda: (r) => onGrid(r.uniform(0.5, 1), 10),
    note: {
      en: "With $m = 1$, $\\frac{\\lambda}{m}W = \\lambda W$: the penalty's 1/m cannot show here, its factor 2 from the square still does.",
      zh: "$m = 1$ 时 $\\frac{\\lambda}{m}W = \\lambda W$：这里看不出惩罚项的 1/m，但平方求导带来的 2 仍然看得出。",
    },
  },
  {
    name: { en: "λ = 0, a single input feature", zh: "λ = 0，只有一个输入特征" },
    visible: false,
    sizes: (r) => [1, r.int(2, 4), r.int(4, 8)],
    lambda: () => 0,
    note: {
      en: "λ = 0 gives back plain backpropagation: the penalty adds nothing.",
      zh: "λ = 0 时就是普通的反向传播：惩罚项不起作用。",
    },
  },
  { name: { en: "wide input", zh: "输入很宽" }, visible: false, sizes: (r) => [r.int(6, 8), r.int(4, 6), r.int(6, 10)], lambda: (r) => onGrid(r.uniform(0.05, 0.5), 20) },
  {
    name: { en: "every label is 0", zh: "标签全为 0" },
    visible: false,
    sizes: (r) => [r.int(2, 3), r.int(2, 4), r.int(3, 6)],
    lambda: () => 0.7,
    labels: 0,
  },
  { name: { en: "many examples", zh: "大量样本" }, visible: false, sizes: (r) => [r.int(3, 4), r.int(3, 4), r.int(20, 30)], lambda: (r) => onGrid(r.uniform(1, 3), 4) },
];

function makeCase(spec: Spec, rng: Rng): ExerciseCase {
  const [nx, n1, m] = spec.sizes(rng);
  const X = rng.matrix(nx, m, () => onGrid(rng.normal(0, 1)));
  const Y = [rng.vector(m, () => (spec.labels ?? (rng.next() < 0.5 ? 0 : 1)))];
  const W1 = rng.matrix(n1, nx, () => onGrid(rng.normal(0, 0.6)) || 0.125);
  // Odd multiples of 1/128: Z[1] = W[1]X + b[1] (a multiple of 1/64 plus b[1]) is never exactly 0.
  const b1 = rng.matrix(n1, 1, () => (2 * rng.int(-20, 19) + 1) / 128);
  const W2 = rng.matrix(1, n1, () => onGrid(rng.normal(0, 0.8)) || -0.125);
  const b2 = [[onGrid(rng.uniform(0.25, 0.75)) * (rng.next() < 0.5 ? -1 : 1)]];
  const lambda = spec.lambda(rng);
  return { name: spec.name, visible: spec.visible, args: [X, Y, W1, b1, W2, b2, lambda], ...(spec.note ? { note: spec.note } : {}) };
}

const generate: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default generate;
