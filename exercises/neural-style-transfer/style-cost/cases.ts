/**
 * Cases for layerStyleCost. Activations are ReLU outputs on a 1/8 grid (see gram-matrix's cases): the Gram
 * matrices and their differences are exact in float32, the squares and their sum are rounded at most a few times
 * (relative 1e−7), and the division by (2·n_H·n_W·n_C)² once.
 *
 * The visible cases show every mistake on every seed: independent activations (a normaliser that is not
 * squared, or multiplied instead of divided, changes the value), G's activation with S's positions shuffled
 * (J_style = 0, but a Gram over positions or a scrambled unroll sees the shuffle), one channel (the unroll is
 * harmless there, a Gram over positions is not) and a deeper layer with more channels.
 */
import { caseSeed, createRng, shuffled, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";
import { reluActivation } from "../gram-matrix/cases";

type Activation = number[][][][];

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

/** The same pixels (channel vectors) at other positions: a permutation that moves at least two of them. */
function shufflePositions(r: Rng, a: Activation): Activation {
  const nW = a[0]![0]!.length;
  const pixels = a[0]!.flat();
  let order = shuffled(r, pixels.map((_, p) => p));
  if (order.every((q, p) => q === p)) order = [...order.slice(1), order[0]!];
  const moved = order.map((q) => [...pixels[q]!]);
  return [a[0]!.map((_, i) => moved.slice(i * nW, (i + 1) * nW))];
}

const specs: Spec[] = [
  {
    name: { en: "a style layer", zh: "一个风格层" },
    visible: true,
    make: independent((r) => [r.int(2, 3), r.int(2, 3), r.int(2, 3)]),
    note: {
      zh: "分别求 $S$ 和 $G$ 的风格矩阵（都是 $n_C\\times n_C$），把差的平方对所有 $k,k'$ 求和，再除以 $(2n_Hn_Wn_C)^2$。",
      en: "Compute the style matrices of $S$ and $G$ (both $n_C\\times n_C$), add up the squared differences over all $k,k'$, and divide by $(2n_Hn_Wn_C)^2$.",
    },
  },
  {
    name: { en: "the same pixels at other positions", zh: "同样的像素，换了位置" },
    visible: true,
    make: (r) => {
      const a_S = reluActivation(r, r.int(2, 3), r.int(2, 3), r.int(2, 3));
      return [a_S, shufflePositions(r, a_S)];
    },
    note: {
      zh: "$G$ 的激活只是把 $S$ 的各个位置打乱了：风格矩阵对位置求和，所以 $G^{(S)} = G^{(G)}$，$J_{style} = 0$——风格不关心图案出现在哪里（内容代价却会很大）。",
      en: "$G$'s activation is $S$'s with the positions shuffled: the style matrix sums over positions, so $G^{(S)} = G^{(G)}$ and $J_{style} = 0$ — style does not care where a pattern appears (the content cost would be large).",
    },
  },
  {
    name: { en: "one channel", zh: "单通道" },
    visible: true,
    make: independent((r) => [r.int(2, 3), r.int(2, 4), 1]),
    note: {
      zh: "只有一个通道时风格矩阵是 $1\\times1$ 的：$J_{style} = \\big(\\sum a^{(S)2} - \\sum a^{(G)2}\\big)^2/(2n_Hn_W)^2$。",
      en: "With one channel the style matrices are $1\\times1$: $J_{style} = \\big(\\sum a^{(S)2} - \\sum a^{(G)2}\\big)^2/(2n_Hn_W)^2$.",
    },
  },
  {
    name: { en: "a deeper layer: a small map with many channels", zh: "更深的层：特征图小、通道多" },
    visible: true,
    make: independent((r) => [r.int(1, 2), 2, r.int(4, 6)]),
  },
  {
    name: { en: "G's activation is S's doubled", zh: "G 的激活值是 S 的两倍" },
    visible: false,
    make: (r) => {
      const a_S = reluActivation(r, r.int(2, 3), r.int(2, 3), r.int(2, 3));
      return [a_S, a_S.map((image) => image.map((row) => row.map((pixel) => pixel.map((v) => 2 * v))))];
    },
    note: {
      zh: "$a^{(G)} = 2a^{(S)}$：$G^{(G)} = 4G^{(S)}$，于是 $J_{style} = 9\\sum_{kk'}(G^{(S)}_{kk'})^2/(2n_Hn_Wn_C)^2$。风格矩阵对激活的强度很敏感，不只看“形状”。",
      en: "$a^{(G)} = 2a^{(S)}$: $G^{(G)} = 4G^{(S)}$, so $J_{style} = 9\\sum_{kk'}(G^{(S)}_{kk'})^2/(2n_Hn_Wn_C)^2$. The style matrix is sensitive to how strongly the channels fire, not only to their pattern.",
    },
  },
  { name: { en: "a 1×1 map", zh: "1×1 特征图" }, visible: false, make: independent((r) => [1, 1, r.int(3, 5)]) },
  {
    name: { en: "a dead channel in G", zh: "G 中有一个死通道" },
    visible: false,
    make: (r) => {
      const [nH, nW, nC] = [r.int(2, 3), r.int(2, 3), r.int(3, 4)];
      return [reluActivation(r, nH, nW, nC), reluActivation(r, nH, nW, nC, [r.int(0, nC - 1)])];
    },
    note: {
      zh: "$G$ 的某个通道处处为 0：$G^{(G)}$ 中对应的行和列全为 0，$S$ 在这个通道上的全部风格都要算进代价。",
      en: "One of $G$'s channels is 0 everywhere: its row and column of $G^{(G)}$ are 0, and all of $S$'s style in that channel counts in the cost.",
    },
  },
  { name: { en: "a larger layer", zh: "更大的层" }, visible: false, make: independent((r) => [r.int(3, 4), r.int(3, 4), r.int(3, 4)]) },
];

const generate: CaseGenerator = (seed) =>
  specs.map((spec, index): ExerciseCase => {
    const [a_S, a_G] = spec.make(createRng(caseSeed(seed, index)));
    return { name: spec.name, visible: spec.visible, args: [a_S, a_G], ...(spec.note ? { note: spec.note } : {}) };
  });

export default generate;
