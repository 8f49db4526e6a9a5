/**
 * Cases for gramMatrix. Activations are ReLU outputs, as in the course's VGG layers: multiples of 1/8 in [0, 2],
 * about a quarter of them exactly 0, and no channel entirely 0 unless a case says so. Every product is then a
 * multiple of 1/64 and every sum of them is exact in float32, so the reference gives G exactly.
 *
 * Every seed shows each mistake on a visible case: the first two cases have several positions and several
 * channels (a pixels-by-pixels Gram has the wrong shape, an unroll without the transpose mixes channels, a
 * division by n_H·n_W or a subtracted mean changes every entry). The one-channel and 1×1 cases show where the
 * scrambled unroll and the division happen to be harmless.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

/** An activation [1, n_H, n_W, n_C] of ReLU outputs on a 1/8 grid; channels in `dead` are 0 everywhere. */
export function reluActivation(rng: Rng, nH: number, nW: number, nC: number, dead: readonly number[] = []): number[][][][] {
  const value = (): number => (rng.next() < 0.25 ? 0 : rng.int(1, 16) / 8);
  const image = Array.from({ length: nH }, () => rng.matrix(nW, nC, value));
  for (let k = 0; k < nC; k++) {
    if (dead.includes(k)) {
      for (const row of image) for (const pixel of row) pixel[k] = 0;
    } else if (image.every((row) => row.every((pixel) => pixel[k] === 0))) {
      image[rng.int(0, nH - 1)]![rng.int(0, nW - 1)]![k] = rng.int(1, 16) / 8;
    }
  }
  return [image];
}

interface Spec {
  name: Localized;
  visible: boolean;
  shape: (r: Rng) => [number, number, number];
  dead?: (nC: number, r: Rng) => number[];
  note?: Localized;
}

const specs: Spec[] = [
  {
    name: { en: "a small map with a few channels", zh: "小特征图，几个通道" },
    visible: true,
    shape: (r) => [2, r.int(2, 3), r.int(2, 3)],
    note: {
      zh: "基本情形：$A$ 是 $n_C\\times n_Hn_W$，$G=AA^T$ 是 $n_C\\times n_C$ 的对称矩阵，对角线上是每个通道激活值的平方和。",
      en: "The basic case: $A$ is $n_C\\times n_Hn_W$ and $G=AA^T$ is a symmetric $n_C\\times n_C$ matrix whose diagonal holds each channel's sum of squares.",
    },
  },
  {
    name: { en: "a non-square map (n_H ≠ n_W)", zh: "非正方形的特征图（n_H ≠ n_W）" },
    visible: true,
    shape: (r) => [r.int(2, 3), 4, r.int(3, 4)],
    note: {
      zh: "位置的展开顺序不影响 $G$（求和与顺序无关），但 $A$ 的每一列必须恰好是同一个位置的 $n_C$ 个通道值。",
      en: "The order in which positions are unrolled does not change $G$ (a sum does not care), but each column of $A$ must hold the $n_C$ channels of one position.",
    },
  },
  {
    name: { en: "one channel (n_C = 1)", zh: "单通道（n_C = 1）" },
    visible: true,
    shape: (r) => [r.int(2, 3), r.int(2, 3), 1],
    note: {
      zh: "只有一个通道时 $G$ 是 $1\\times1$ 的：$G_{11}=\\sum_{i,j}a_{ij1}^2$。这时不转置直接 reshape 也不会出错——通道一多就会。",
      en: "With one channel $G$ is $1\\times1$: $G_{11}=\\sum_{i,j}a_{ij1}^2$. Reshaping without the transpose is harmless here, and only here.",
    },
  },
  {
    name: { en: "a 1×1 map", zh: "1×1 特征图" },
    visible: true,
    shape: (r) => [1, 1, r.int(3, 4)],
    note: {
      zh: "只有一个位置时，$A$ 就是这个位置的通道向量 $v$（一列），$G=vv^T$ 是外积；而像素×像素的 $A^TA$ 只剩一个数。",
      en: "With a single position $A$ is that position's channel vector $v$ (one column) and $G=vv^T$ is an outer product; the pixels-by-pixels $A^TA$ would be a single number.",
    },
  },
  {
    name: { en: "more channels than positions", zh: "通道数多于位置数" },
    visible: false,
    shape: (r) => [1, 2, r.int(4, 5)],
    note: {
      zh: "$n_C > n_Hn_W$：$G$ 仍是 $n_C\\times n_C$，只是它的秩不超过位置数 $n_Hn_W$。",
      en: "$n_C > n_Hn_W$: $G$ is still $n_C\\times n_C$, only its rank is at most the number of positions $n_Hn_W$.",
    },
  },
  {
    name: { en: "a dead channel", zh: "一个死通道" },
    visible: false,
    shape: (r) => [r.int(2, 3), r.int(2, 3), r.int(3, 4)],
    dead: (nC, r) => [r.int(0, nC - 1)],
    note: {
      zh: "某个通道处处为 0（ReLU 后常见）：$G$ 中它所在的行和列全为 0——它和任何通道都不“共同激活”。",
      en: "One channel is 0 everywhere (common after a ReLU): its row and column of $G$ are all 0 — it fires together with no channel.",
    },
  },
  { name: { en: "a larger map", zh: "更大的特征图" }, visible: false, shape: (r) => [r.int(3, 4), r.int(3, 4), r.int(3, 4)] },
  { name: { en: "one row (n_H = 1)", zh: "只有一行（n_H = 1）" }, visible: false, shape: (r) => [1, r.int(3, 5), r.int(2, 3)] },
];

const generate: CaseGenerator = (seed) =>
  specs.map((spec, index): ExerciseCase => {
    const r = createRng(caseSeed(seed, index));
    const [nH, nW, nC] = spec.shape(r);
    const a = reluActivation(r, nH, nW, nC, spec.dead?.(nC, r));
    return { name: spec.name, visible: spec.visible, args: [a], ...(spec.note ? { note: spec.note } : {}) };
  });

export default generate;
