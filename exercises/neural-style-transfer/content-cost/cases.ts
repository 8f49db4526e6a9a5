/**
 * Cases for contentCost. Activations are ReLU outputs on a 1/8 grid (see gram-matrix's cases), so the squared
 * differences are multiples of 1/64 and their sum is exact in float32; the reference rounds once, in the division
 * by 4·n_H·n_W·n_C.
 *
 * The visible cases show every mistake on every seed: independent activations (any wrong normalisation, a
 * missing square or a square root changes the value), a constant offset d ∉ {0, 1} (J = d²/4, while the missing
 * square gives d/4 and the unsquared norm d/(4√N), different for d ≥ 3/4 and N ≥ 2), and a single changed entry.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";
import { reluActivation } from "../gram-matrix/cases";

type Activation = number[][][][];

const map = (a: Activation, f: (v: number) => number): Activation => a.map((image) => image.map((row) => row.map((pixel) => pixel.map(f))));

interface Spec {
  name: Localized;
  visible: boolean;
  make: (r: Rng) => [Activation, Activation];
  note?: Localized;
}

const independent =
  (shape: (r: Rng) => [number, number, number]) =>
  (r: Rng): [Activation, Activation] => {
    const [nH, nW, nC] = shape(r);
    return [reluActivation(r, nH, nW, nC), reluActivation(r, nH, nW, nC)];
  };

const specs: Spec[] = [
  {
    name: { en: "a middle layer", zh: "中间层" },
    visible: true,
    make: independent((r) => [r.int(2, 3), r.int(2, 3), r.int(2, 3)]),
    note: {
      zh: "$C$ 和 $G$ 在同一层的激活值，形状相同；逐元素相减、平方、求和，再除以 $4n_Hn_Wn_C$。",
      en: "The activations of $C$ and $G$ at the same layer, of the same shape: subtract entry by entry, square, add up, divide by $4n_Hn_Wn_C$.",
    },
  },
  {
    name: { en: "a constant offset everywhere", zh: "处处相差同一个常数" },
    visible: true,
    make: (r) => {
      const a_C = reluActivation(r, r.int(1, 3), r.int(2, 3), r.int(1, 3));
      const d = r.pick([3 / 4, 5 / 4, 3 / 2, 7 / 4]);
      return [a_C, map(a_C, (v) => v + d)];
    },
    note: {
      zh: "$a^{(G)} = a^{(C)} + d$：每一项都是 $d^2$，共 $n_Hn_Wn_C$ 项，所以 $J_{content} = d^2/4$，与这一层的大小无关——这正是除以 $n_Hn_Wn_C$ 的用意。",
      en: "$a^{(G)} = a^{(C)} + d$: every term is $d^2$ and there are $n_Hn_Wn_C$ of them, so $J_{content} = d^2/4$ whatever the layer's size — the point of dividing by $n_Hn_Wn_C$.",
    },
  },
  {
    name: { en: "one entry differs", zh: "只有一个元素不同" },
    visible: true,
    make: (r) => {
      const [nH, nW, nC] = [r.int(2, 3), r.int(2, 3), r.int(2, 3)];
      const a_C = reluActivation(r, nH, nW, nC);
      const a_G = structuredClone(a_C);
      a_G[0]![r.int(0, nH - 1)]![r.int(0, nW - 1)]![r.int(0, nC - 1)]! += r.pick([1 / 2, 3 / 4, 3 / 2, 2]);
      return [a_C, a_G];
    },
    note: {
      zh: "只有一个元素差了 $\\delta$：$J_{content} = \\delta^2/(4n_Hn_Wn_C)$。层越大，单个元素的影响越小。",
      en: "A single entry is off by $\\delta$: $J_{content} = \\delta^2/(4n_Hn_Wn_C)$. The larger the layer, the less one entry weighs.",
    },
  },
  {
    name: { en: "a deeper layer: a small map with many channels", zh: "更深的层：特征图小、通道多" },
    visible: true,
    make: independent((r) => [r.int(1, 2), 2, r.int(5, 8)]),
  },
  {
    name: { en: "G's activation equals C's", zh: "G 的激活值等于 C 的" },
    visible: false,
    make: (r) => {
      const a_C = reluActivation(r, r.int(2, 3), r.int(2, 3), r.int(2, 3));
      return [a_C, structuredClone(a_C)];
    },
    note: {
      zh: "$G$ 在这一层的激活与 $C$ 完全相同：内容代价为 0。这一层看不出两张图的内容有什么不同。",
      en: "$G$'s activation equals $C$'s at this layer: the content cost is 0. This layer sees no difference in content.",
    },
  },
  { name: { en: "one channel", zh: "单通道" }, visible: false, make: independent((r) => [r.int(3, 4), r.int(3, 4), 1]) },
  { name: { en: "a 1×1 map", zh: "1×1 特征图" }, visible: false, make: independent((r) => [1, 1, r.int(4, 6)]) },
  {
    name: { en: "an all-zero generated activation", zh: "生成图像的激活值全为 0" },
    visible: false,
    make: (r) => {
      const a_C = reluActivation(r, r.int(2, 3), r.int(1, 3), r.int(2, 3));
      return [a_C, map(a_C, () => 0)];
    },
    note: {
      zh: "$G$ 的这一层全为 0（ReLU 全部截断）：$J_{content} = \\sum a^{(C)2}/(4n_Hn_Wn_C)$。",
      en: "$G$'s layer is all zeros (every ReLU clipped): $J_{content} = \\sum a^{(C)2}/(4n_Hn_Wn_C)$.",
    },
  },
  { name: { en: "a larger layer", zh: "更大的层" }, visible: false, make: independent((r) => [r.int(3, 4), r.int(3, 4), r.int(2, 3)]) },
];

const generate: CaseGenerator = (seed) =>
  specs.map((spec, index): ExerciseCase => {
    const [a_C, a_G] = spec.make(createRng(caseSeed(seed, index)));
    return { name: spec.name, visible: spec.visible, args: [a_C, a_G], ...(spec.note ? { note: spec.note } : {}) };
  });

export default generate;
