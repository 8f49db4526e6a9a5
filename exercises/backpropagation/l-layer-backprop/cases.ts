/**
 * Seeded cases for `lLayerBackprop`. Depth, widths and m vary; weights use He scaling so activations stay
 * moderate at any depth. Every hidden pre-activation is kept at least 0.01 away from 0 (a bias is nudged where
 * needed), so float32 and float64 always agree on which ReLUs are active. Edge cases: m = 1, L = 1 (no hidden
 * layer: logistic regression), a dead ReLU unit, a single input feature with a single label.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface Spec {
  name: Localized;
  visible: boolean;
  dims: (rng: Rng) => number[];
  m: (rng: Rng) => number;
  labels?: number;
  /** Makes the first hidden layer's first unit inactive on every example. */
  deadUnit?: boolean;
  note?: Localized;
}

const specs: Spec[] = [
  { name: { en: "two hidden layers", zh: "两个隐藏层" }, visible: true, dims: (r) => [r.int(2, 4), r.int(3, 5), r.int(2, 4), 1], m: (r) => r.int(4, 6) },
  { name: { en: "one hidden layer", zh: "一个隐藏层" }, visible: true, dims: (r) => [r.int(3, 5), r.int(2, 4), 1], m: (r) => r.int(5, 8) },
  {
    name: { en: "one example (m = 1)", zh: "一个样本（m = 1）" },
    visible: true,
    dims: (r) => [r.int(2, 3), r.int(3, 4), r.int(2, 3), 1],
    m: () => 1,
    note: {
      en: "With $m = 1$ the average over examples is the example itself: $dW^{[l]} = dZ^{[l]}A^{[l-1]T}$ and $db^{[l]} = dZ^{[l]}$.",
      zh: "$m = 1$ 时对样本取平均就是这个样本本身：$dW^{[l]} = dZ^{[l]}A^{[l-1]T}$，$db^{[l]} = dZ^{[l]}$。",
    },
  },
  {
    name: { en: "four hidden layers", zh: "四个隐藏层" },
    visible: true,
    dims: (r) => [r.int(2, 3), 3, r.int(2, 4), 3, r.int(2, 3), 1],
    m: (r) => r.int(6, 10),
    note: {
      en: "The same two lines repeat for every layer, from $L$ down to 1: $dA^{[l-1]} = W^{[l]T}dZ^{[l]}$, then $dZ^{[l-1]} = dA^{[l-1]} * g'(Z^{[l-1]})$.",
      zh: "从第 $L$ 层到第 1 层，每一层重复同样两行：$dA^{[l-1]} = W^{[l]T}dZ^{[l]}$，然后 $dZ^{[l-1]} = dA^{[l-1]} * g'(Z^{[l-1]})$。",
    },
  },
  {
    name: { en: "no hidden layer (L = 1)", zh: "没有隐藏层（L = 1）" },
    visible: false,
    dims: (r) => [r.int(2, 5), 1],
    m: (r) => r.int(4, 8),
    note: {
      en: "$L = 1$ is logistic regression: $dW^{[1]} = \\frac1m(A^{[1]} - Y)X^T$, and no ReLU is involved.",
      zh: "$L = 1$ 就是逻辑回归：$dW^{[1]} = \\frac1m(A^{[1]} - Y)X^T$，不涉及 ReLU。",
    },
  },
  {
    name: { en: "a dead ReLU unit", zh: "一个“死” ReLU 单元" },
    visible: false,
    dims: (r) => [r.int(2, 4), r.int(3, 4), r.int(2, 3), 1],
    m: (r) => r.int(4, 7),
    deadUnit: true,
    note: {
      en: "One hidden unit has $Z \\le 0$ on every example, so $g'(Z) = 0$ there: its row of $dW$ and its $db$ are exactly 0, and it passes no gradient further back.",
      zh: "有一个隐藏单元在所有样本上都 $Z \\le 0$，那里 $g'(Z) = 0$：它那一行 $dW$ 和它的 $db$ 都正好是 0，也不再向更前面的层传递梯度。",
    },
  },
  { name: { en: "a wider network", zh: "更宽的网络" }, visible: false, dims: (r) => [r.int(6, 8), r.int(5, 6), r.int(3, 4), 1], m: (r) => r.int(10, 16) },
  { name: { en: "one input feature, every label 1", zh: "一个输入特征，标签全为 1" }, visible: false, dims: (r) => [1, r.int(2, 4), 1], m: (r) => r.int(3, 6), labels: 1 },
];

function preActivations(X: number[][], W: number[][][], b: number[][][]): number[][][] {
  const Z: number[][][] = [];
  let A = X;
  for (let l = 0; l < W.length; l++) {
    const z = W[l]!.map((row, i) => A[0]!.map((_, j) => row.reduce((sum, w, k) => sum + w * A[k]![j]!, b[l]![i]![0]!)));
    Z.push(z);
    A = z.map((r) => r.map((v) => Math.max(0, v)));
  }
  return Z;
}

/** Moves each hidden unit's bias until none of its pre-activations lies within 0.01 of 0. */
function keepAwayFromKink(X: number[][], W: number[][][], b: number[][][]): void {
  for (let l = 0; l < W.length - 1; l++) {
    for (let unit = 0; unit < W[l]!.length; unit++) {
      for (let tries = 0; tries < 50; tries++) {
        const z = preActivations(X, W, b)[l]![unit]!;
        if (z.every((v) => Math.abs(v) >= 0.01)) break;
        b[l]![unit]![0] = b[l]![unit]![0]! + 0.0375;
      }
    }
  }
}

function makeCase(spec: Spec, rng: Rng): ExerciseCase {
  const dims = spec.dims(rng);
  const m = spec.m(rng);
  const X = rng.matrix(dims[0]!, m, () => rng.normal(0, 1));
  const Y = [rng.vector(m, () => spec.labels ?? (rng.next() < 0.5 ? 0 : 1))];
  const W = dims.slice(1).map((n, l) => rng.matrix(n, dims[l]!, () => rng.normal(0, Math.sqrt(2 / dims[l]!))));
  const b = dims.slice(1).map((n) => rng.matrix(n, 1, () => rng.normal(0, 0.3)));
  if (spec.deadUnit) {
    const z = preActivations(X, W, b)[0]![0]!;
    b[0]![0]![0] = b[0]![0]![0]! - Math.max(...z) - 0.5;
  }
  keepAwayFromKink(X, W, b);
  return { name: spec.name, visible: spec.visible, args: [X, Y, W, b], ...(spec.note ? { note: spec.note } : {}) };
}

const generate: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default generate;
