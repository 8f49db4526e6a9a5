/**
 * Cases for totalCost. Activations are ReLU outputs on a 1/8 grid (see gram-matrix's cases), so each layer's
 * cost is computed in float32 to a relative 1e−7 (see content-cost and style-cost); α, β and the λ^[l] only
 * scale and add those costs. The course's five weights of 0.2 are rounded once by float32 (relative 1e−8).
 *
 * The visible cases show every mistake on every seed: at least two style layers with weights below 1 (weights
 * ignored or a sum divided by the number of layers changes J_style), and α ≠ β (swapping them changes J). Style
 * layers get deeper down the list: smaller maps, more channels.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Json, Localized } from "../../schema";
import { reluActivation } from "../gram-matrix/cases";

type Shape = [number, number, number];

function pair(r: Rng, [nH, nW, nC]: Shape): [number[][][][], number[][][][]] {
  return [reluActivation(r, nH, nW, nC), reluActivation(r, nH, nW, nC)];
}

function contentLayer(r: Rng, shape: Shape): Json {
  const [a_C, a_G] = pair(r, shape);
  return { a_C, a_G };
}

/** Style layers of the given shapes (shallow to deep) and weights λ^[l]. */
function styleLayers(r: Rng, shapes: Shape[], lambdas: number[]): Json {
  return shapes.map((shape, l) => {
    const [a_S, a_G] = pair(r, shape);
    return { a_S, a_G, lambda: lambdas[l]! };
  });
}

const shallow = (r: Rng): Shape => [r.int(3, 4), r.int(3, 4), r.int(1, 2)];
const middle = (r: Rng): Shape => [r.int(2, 3), r.int(2, 3), r.int(2, 3)];
const deep = (r: Rng): Shape => [r.int(1, 2), r.int(1, 2), r.int(3, 5)];
const weight = (r: Rng): number => r.pick([1 / 8, 1 / 4, 1 / 2, 3 / 4]);

interface Spec {
  name: Localized;
  visible: boolean;
  make: (r: Rng) => Json[];
  note?: Localized;
}

const specs: Spec[] = [
  {
    name: { en: "two style layers, the course's α = 10 and β = 40", zh: "两个风格层，课程中的 α = 10、β = 40" },
    visible: true,
    make: (r) => [contentLayer(r, middle(r)), styleLayers(r, [shallow(r), deep(r)], [weight(r), weight(r)]), 10, 40],
    note: {
      zh: "课程作业的默认值 $\\alpha = 10$、$\\beta = 40$。每层的风格代价先乘自己的 $\\lambda^{[l]}$ 再相加，最后整体乘 $\\beta$。",
      en: "The course assignment's defaults $\\alpha = 10$, $\\beta = 40$. Each layer's style cost is multiplied by its own $\\lambda^{[l]}$ before the layers are added, and the sum by $\\beta$.",
    },
  },
  {
    name: { en: "three style layers with different weights", zh: "三个权重不同的风格层" },
    visible: true,
    make: (r) => [
      contentLayer(r, middle(r)),
      styleLayers(r, [shallow(r), middle(r), deep(r)], [weight(r), weight(r), weight(r)]),
      r.pick([1, 2, 5]),
      r.pick([10, 20, 100]),
    ],
  },
  {
    name: { en: "the course's five style layers, λ = 0.2 each", zh: "课程中的五个风格层，每层 λ = 0.2" },
    visible: true,
    make: (r) => [contentLayer(r, middle(r)), styleLayers(r, [shallow(r), shallow(r), middle(r), middle(r), deep(r)], [0.2, 0.2, 0.2, 0.2, 0.2]), 10, 40],
    note: {
      zh: "课程作业的 `STYLE_LAYERS`：五层，每层 $\\lambda^{[l]} = 0.2$。权重之和为 1，但仍然是加权求和，不再除以层数。",
      en: "The course assignment's `STYLE_LAYERS`: five layers with $\\lambda^{[l]} = 0.2$ each. The weights add up to 1, but it is still a weighted sum, not divided by the number of layers.",
    },
  },
  {
    name: { en: "β = 0: content only", zh: "β = 0：只有内容" },
    visible: true,
    make: (r) => [contentLayer(r, middle(r)), styleLayers(r, [middle(r), deep(r)], [weight(r), weight(r)]), r.pick([1, 10]), 0],
    note: {
      zh: "$\\beta = 0$：$J = \\alpha J_{content}$，风格完全不起作用，最小化 $J$ 只会让 $G$ 去复现 $C$ 的内容。`J_style` 照常计算和返回。",
      en: "$\\beta = 0$: $J = \\alpha J_{content}$, style plays no part and minimising $J$ only makes $G$ reproduce $C$'s content. `J_style` is still computed and returned.",
    },
  },
  {
    name: { en: "α = 0: style only", zh: "α = 0：只有风格" },
    visible: false,
    make: (r) => [contentLayer(r, middle(r)), styleLayers(r, [shallow(r), deep(r)], [weight(r), weight(r)]), 0, r.pick([10, 40])],
    note: {
      zh: "$\\alpha = 0$：只剩风格代价，相当于纹理合成——$G$ 有 $S$ 的纹理，却不受 $C$ 的内容约束。",
      en: "$\\alpha = 0$: only the style cost is left, which is texture synthesis — $G$ takes $S$'s textures with nothing tying it to $C$'s content.",
    },
  },
  {
    name: { en: "one style layer", zh: "一个风格层" },
    visible: false,
    make: (r) => [contentLayer(r, middle(r)), styleLayers(r, [middle(r)], [r.pick([1 / 2, 2])]), 10, 40],
  },
  {
    name: { en: "a style layer with weight 0", zh: "权重为 0 的风格层" },
    visible: false,
    make: (r) => {
      const lambdas = [weight(r), weight(r), weight(r)];
      lambdas[r.int(0, 2)] = 0;
      return [contentLayer(r, middle(r)), styleLayers(r, [shallow(r), middle(r), deep(r)], lambdas), 10, 40];
    },
    note: {
      zh: "某一层的 $\\lambda^{[l]} = 0$：这一层的风格代价不计入 $J_{style}$，相当于没有选这一层。",
      en: "One layer has $\\lambda^{[l]} = 0$: its style cost does not enter $J_{style}$, as if the layer had not been chosen.",
    },
  },
  {
    name: { en: "larger layers", zh: "更大的层" },
    visible: false,
    make: (r) => [
      contentLayer(r, [r.int(3, 4), r.int(3, 4), r.int(2, 3)]),
      styleLayers(r, [[4, 4, 2], [2, 2, r.int(4, 6)]], [weight(r), weight(r)]),
      r.pick([1, 5, 10]),
      r.pick([20, 40]),
    ],
  },
];

const generate: CaseGenerator = (seed) =>
  specs.map((spec, index): ExerciseCase => ({
    name: spec.name,
    visible: spec.visible,
    args: spec.make(createRng(caseSeed(seed, index))),
    ...(spec.note ? { note: spec.note } : {}),
  }));

export default generate;
