/**
 * Cases for residualBlockForward. Inputs are on a 1/8 grid and weights and biases on a 1/16 grid, so every
 * product and sum is exact in float32 and float64 alike. a[l] is non-negative (the output of an earlier ReLU)
 * except in one hidden case. Each visible case is redrawn until the mistakes it is there to show change some
 * entry of a[l+2] by at least 1/16: the shortcut added after the ReLU, no ReLU on the sum, no ReLU inside the
 * block, and (in the square-projection case) W_s skipped because the shapes already match.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

type Matrix = number[][];
interface Block {
  A: Matrix;
  W1: Matrix;
  b1: number[];
  W2: Matrix;
  b2: number[];
  Ws: Matrix | null;
}

const grid = (v: number, step: number): number => Math.round(v / step) * step;

function linear(W: Matrix, A: Matrix, b: number[]): Matrix {
  return W.map((row, j) => A[0]!.map((_, i) => row.reduce((sum, w, k) => sum + w * A[k]![i]!, b[j]!)));
}
const relu = (Z: Matrix): Matrix => Z.map((row) => row.map((z) => Math.max(0, z)));
const add = (X: Matrix, Y: Matrix): Matrix => X.map((row, j) => row.map((x, i) => x + Y[j]![i]!));

type Variant = "correct" | "shortcut-after-relu" | "no-relu-on-sum" | "no-relu-inside-block" | "projection-only-when-shapes-differ";

/** a[l+2] as computed correctly or with one of the mistakes, to check that a case shows it. */
function forward(block: Block, variant: Variant): Matrix {
  const { A, W1, b1, W2, b2 } = block;
  const Z1 = linear(W1, A, b1);
  const A1 = variant === "no-relu-inside-block" ? Z1 : relu(Z1);
  const Z2 = linear(W2, A1, b2);
  const skipProjection = variant === "projection-only-when-shapes-differ" && block.Ws !== null && block.Ws.length === A.length;
  const shortcut = block.Ws === null || skipProjection ? A : linear(block.Ws, A, block.Ws.map(() => 0));
  if (variant === "shortcut-after-relu") return add(relu(Z2), shortcut);
  if (variant === "no-relu-on-sum") return add(Z2, shortcut);
  return relu(add(Z2, shortcut));
}

function maxDifference(X: Matrix, Y: Matrix): number {
  return Math.max(...X.flatMap((row, j) => row.map((x, i) => Math.abs(x - Y[j]![i]!))));
}

interface Spec {
  name: Localized;
  visible: boolean;
  sizes: (r: Rng) => { n0: number; n1: number; n2: number; m: number };
  shortcut: "identity" | "projection";
  /** Draws a[l] with either sign instead of a ReLU output. */
  signedInput?: boolean;
  /** W[l+2] = 0 and b[l+2] = 0: the notes' argument. */
  zeroSecondLayer?: boolean;
  /** Mistakes this case must expose. */
  shows: Variant[];
  note?: Localized;
}

const specs: Spec[] = [
  {
    name: { en: "identity shortcut", zh: "恒等捷径" },
    visible: true,
    sizes: (r) => {
      const n0 = r.int(2, 4);
      return { n0, n1: r.int(2, 5), n2: n0, m: r.int(2, 3) };
    },
    shortcut: "identity",
    shows: ["shortcut-after-relu", "no-relu-on-sum", "no-relu-inside-block"],
    note: {
      zh: "$n^{[l+2]}=n^{[l]}$，捷径直接把 $a^{[l]}$ 加到 $z^{[l+2]}$ 上，再一起过 ReLU。$z^{[l+2]}$ 为负的位置最能看出加法与 ReLU 的先后。",
      en: "$n^{[l+2]}=n^{[l]}$: the shortcut adds $a^{[l]}$ itself to $z^{[l+2]}$, and the sum goes through the ReLU. Entries where $z^{[l+2]}$ is negative show whether the addition comes before the ReLU.",
    },
  },
  {
    name: { en: "projection shortcut (the width changes)", zh: "投影捷径（宽度改变）" },
    visible: true,
    sizes: (r) => {
      const n0 = r.int(2, 3);
      return { n0, n1: r.int(2, 4), n2: n0 + r.int(1, 2), m: r.int(2, 3) };
    },
    shortcut: "projection",
    shows: ["shortcut-after-relu", "no-relu-on-sum", "no-relu-inside-block"],
    note: {
      zh: "$n^{[l+2]}\\ne n^{[l]}$，$a^{[l]}$ 不能直接相加：捷径上乘 $W_s$（$n^{[l+2]}\\times n^{[l]}$，无偏置），$a^{[l+2]}=g(z^{[l+2]}+W_s a^{[l]})$。",
      en: "$n^{[l+2]}\\ne n^{[l]}$, so $a^{[l]}$ cannot be added as it is: the shortcut multiplies by $W_s$ ($n^{[l+2]}\\times n^{[l]}$, no bias), $a^{[l+2]}=g(z^{[l+2]}+W_s a^{[l]})$.",
    },
  },
  {
    name: { en: "a square projection", zh: "方阵投影" },
    visible: true,
    sizes: (r) => {
      const n0 = r.int(2, 4);
      return { n0, n1: r.int(2, 4), n2: n0, m: r.int(2, 3) };
    },
    shortcut: "projection",
    shows: ["projection-only-when-shapes-differ", "shortcut-after-relu"],
    note: {
      zh: "这里 $n^{[l+2]}=n^{[l]}$，但仍给了 $W_s$：给了就要用（ResNet 论文中所有捷径都用投影的方案 C 就是这样）。只在形状不同时才乘 $W_s$ 会得到错误的结果。",
      en: "Here $n^{[l+2]}=n^{[l]}$, yet $W_s$ is given: when it is given, use it (the ResNet paper's option C projects every shortcut). Multiplying by $W_s$ only when the shapes differ gives the wrong result.",
    },
  },
  {
    name: { en: "W[l+2] = 0, b[l+2] = 0: the block is the identity", zh: "W[l+2] = 0、b[l+2] = 0：残差块是恒等映射" },
    visible: true,
    sizes: (r) => {
      const n0 = r.int(2, 4);
      return { n0, n1: r.int(2, 4), n2: n0, m: r.int(2, 3) };
    },
    shortcut: "identity",
    zeroSecondLayer: true,
    shows: [],
    note: {
      zh: "笔记的论证：若 $W^{[l+2]}=0$、$b^{[l+2]}=0$，则 $a^{[l+2]}=g(a^{[l]})$；$a^{[l]}$ 来自前面的 ReLU，非负，所以 $a^{[l+2]}=a^{[l]}$。（笔记写“大于零”，准确地说是“不小于零”。）",
      en: "The notes' argument: with $W^{[l+2]}=0$ and $b^{[l+2]}=0$, $a^{[l+2]}=g(a^{[l]})$; $a^{[l]}$ comes from an earlier ReLU and is non-negative, so $a^{[l+2]}=a^{[l]}$. (The notes say “greater than zero”; precisely, it is “not negative”.)",
    },
  },
  {
    name: { en: "one example, one input unit", zh: "一个样本、一个输入单元" },
    visible: false,
    sizes: (r) => ({ n0: 1, n1: r.int(1, 4), n2: 1, m: 1 }),
    shortcut: "identity",
    shows: [],
    note: { zh: "$m=1$、$n^{[l]}=n^{[l+2]}=1$：每个量都只有一个数，结果仍是 $1\\times1$ 的矩阵。", en: "$m=1$ and $n^{[l]}=n^{[l+2]}=1$: every quantity is a single number, and the result is still a $1\\times1$ matrix." },
  },
  {
    name: { en: "a[l] of either sign", zh: "a[l] 有正有负" },
    visible: false,
    sizes: (r) => {
      const n0 = r.int(2, 4);
      return { n0, n1: r.int(2, 4), n2: n0, m: r.int(2, 4) };
    },
    shortcut: "identity",
    signedInput: true,
    shows: [],
    note: {
      zh: "$a^{[l]}$ 有负数（比如网络的输入本身）：此时零权重的块给出 $g(a^{[l]})\\ne a^{[l]}$，但公式不变。",
      en: "$a^{[l]}$ with negative entries (the network's input itself, say): a block with zero weights would then give $g(a^{[l]})\\ne a^{[l]}$, but the formula is the same.",
    },
  },
  {
    name: { en: "a narrowing projection", zh: "变窄的投影" },
    visible: false,
    sizes: (r) => {
      const n2 = r.int(1, 3);
      return { n0: n2 + r.int(1, 3), n1: r.int(2, 5), n2, m: r.int(2, 4) };
    },
    shortcut: "projection",
    shows: [],
  },
  {
    name: { en: "a wider block", zh: "更宽的残差块" },
    visible: false,
    sizes: (r) => {
      const n0 = r.int(4, 6);
      return { n0, n1: r.int(5, 8), n2: n0, m: r.int(3, 5) };
    },
    shortcut: "identity",
    shows: [],
  },
];

function draw(spec: Spec, r: Rng): Block {
  const { n0, n1, n2, m } = spec.sizes(r);
  const weight = (): number => grid(r.normal(0, 0.6), 1 / 16);
  const A = r.matrix(n0, m, () => grid(spec.signedInput ? r.uniform(-2, 2) : Math.max(0, r.uniform(-0.5, 2)), 1 / 8));
  const W1 = r.matrix(n1, n0, weight);
  const b1 = r.vector(n1, () => grid(r.normal(0, 0.4), 1 / 16));
  const W2 = spec.zeroSecondLayer ? r.matrix(n2, n1, () => 0) : r.matrix(n2, n1, weight);
  const b2 = spec.zeroSecondLayer ? r.vector(n2, () => 0) : r.vector(n2, () => grid(r.normal(-0.25, 0.4), 1 / 16));
  const Ws = spec.shortcut === "identity" ? null : r.matrix(n2, n0, weight);
  return { A, W1, b1, W2, b2, Ws };
}

function makeCase(spec: Spec, r: Rng): ExerciseCase {
  for (let attempt = 0; attempt < 500; attempt++) {
    const block = draw(spec, r);
    const correct = forward(block, "correct");
    // Some unit must stay active, or an all-zero answer would hide what the block computes.
    const active = correct.some((row) => row.some((v) => v >= 1 / 8));
    if (active && spec.shows.every((variant) => maxDifference(forward(block, variant), correct) >= 1 / 16)) {
      const { A, W1, b1, W2, b2, Ws } = block;
      return { name: spec.name, visible: spec.visible, args: [A, W1, b1, W2, b2, Ws], ...(spec.note ? { note: spec.note } : {}) };
    }
  }
  throw new Error(`residual-block-forward: no draw for "${spec.name.en}" shows every mistake`);
}

const generate: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default generate;
