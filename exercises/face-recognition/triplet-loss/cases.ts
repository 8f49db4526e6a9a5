/**
 * Cases for tripletLoss. Encodings are on a 1/8 grid and α is 1/8, 1/4 or 1/2 (0.2, the course's value, in one
 * hidden case), so every squared distance is exact in float32. A triplet is "hard" when its positive is drawn
 * far from the anchor and its negative close, "easy" the other way round. The visible cases are redrawn until
 * the mistakes they are there to show move J by at least 1/16: the mixed batch holds triplets on both sides of
 * the hinge, so a max outside the sum, a mean, a subtracted margin and unsquared norms all show there.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

type Matrix = number[][];
interface Batch {
  anchor: Matrix;
  positive: Matrix;
  negative: Matrix;
  alpha: number;
}

const grid = (v: number): number => Math.round(v * 8) / 8;
const squared = (u: number[], v: number[]): number => u.reduce((s, x, k) => s + (x - v[k]!) ** 2, 0);
const euclidean = (u: number[], v: number[]): number => Math.sqrt(squared(u, v));

/** The per-triplet d(A,P) − d(A,N) + α, with squared or plain distances. */
function basics(b: Batch, distance: (u: number[], v: number[]) => number = squared): number[] {
  return b.anchor.map((a, i) => distance(a, b.positive[i]!) - distance(a, b.negative[i]!) + b.alpha);
}

const hinge = (xs: number[]): number => xs.reduce((s, x) => s + Math.max(x, 0), 0);

type Mistake = "norm-not-squared" | "max-outside-sum" | "margin-subtracted" | "mean-not-sum";

function costWith(b: Batch, mistake: Mistake | null): number {
  switch (mistake) {
    case "norm-not-squared":
      return hinge(basics(b, euclidean));
    case "max-outside-sum":
      return Math.max(basics(b).reduce((s, x) => s + x, 0), 0);
    case "margin-subtracted":
      return hinge(basics(b).map((x) => x - 2 * b.alpha));
    case "mean-not-sum":
      return hinge(basics(b)) / b.anchor.length;
    default:
      return hinge(basics(b));
  }
}

/** A triplet around a random anchor: the positive at spread `p`, the negative at spread `n`. */
function triplet(r: Rng, d: number, p: number, n: number): [number[], number[], number[]] {
  const a = r.vector(d, () => grid(r.uniform(-1, 1)));
  return [a, a.map((x) => grid(x + r.normal(0, p))), a.map((x) => grid(x + r.normal(0, n)))];
}

interface Spec {
  name: Localized;
  visible: boolean;
  draw: (r: Rng) => Batch;
  shows: Mistake[];
  /** A condition the draw must meet besides showing the mistakes. */
  accept?: (b: Batch) => boolean;
  note?: Localized;
}

function batch(triplets: [number[], number[], number[]][], alpha: number): Batch {
  return { anchor: triplets.map((t) => t[0]), positive: triplets.map((t) => t[1]), negative: triplets.map((t) => t[2]), alpha };
}

const specs: Spec[] = [
  {
    name: { en: "a batch of hard and easy triplets", zh: "难易混合的一批三元组" },
    visible: true,
    draw: (r) => {
      const d = r.int(2, 4);
      const m = r.int(3, 5);
      const kinds = [true, false, ...Array.from({ length: m - 2 }, () => r.next() < 0.5)];
      return batch(kinds.map((hard) => (hard ? triplet(r, d, 0.7, 0.3) : triplet(r, d, 0.2, 0.9))), r.pick([0.25, 0.5]));
    },
    shows: ["norm-not-squared", "max-outside-sum", "margin-subtracted", "mean-not-sum"],
    note: {
      zh: "有的三元组还违反间隔（$d(A,P)-d(A,N)+\\alpha>0$），有的已经满足。已满足的那些损失为 0，不会用负数抵消别的三元组：$\\max(\\cdot,0)$ 要对每个三元组分别取，再求和。",
      en: "Some triplets still violate the margin ($d(A,P)-d(A,N)+\\alpha>0$), others already satisfy it. Those contribute 0 and must not cancel the others with a negative value: take $\\max(\\cdot,0)$ for each triplet, then sum.",
    },
  },
  {
    name: { en: "one triplet", zh: "只有一个三元组" },
    visible: true,
    draw: (r) => batch([triplet(r, r.int(2, 5), 0.6, 0.4)], r.pick([0.25, 0.5])),
    shows: ["norm-not-squared", "margin-subtracted"],
    note: {
      zh: "$m=1$：$J$ 就是这一个三元组的损失 $L(A,P,N)$。",
      en: "$m=1$: $J$ is the single triplet's loss $L(A,P,N)$.",
    },
  },
  {
    name: { en: "every triplet already satisfied", zh: "每个三元组都已满足间隔" },
    visible: true,
    draw: (r) => {
      const d = r.int(2, 4);
      return batch(Array.from({ length: r.int(2, 4) }, () => triplet(r, d, 0.1, 1.2)), 0.125);
    },
    shows: [],
    accept: (b) => basics(b).every((x) => x <= -1 / 16),
    note: {
      zh: "每个三元组都满足 $d(A,N)\\ge d(A,P)+\\alpha$：$J=0$，梯度也是 0，网络从这批数据里学不到东西。所以 FaceNet 要挑“难”的三元组来训练。",
      en: "Every triplet satisfies $d(A,N)\\ge d(A,P)+\\alpha$: $J=0$ and so is its gradient, so the network learns nothing from this batch. That is why FaceNet trains on “hard” triplets.",
    },
  },
  {
    name: { en: "all encodings equal", zh: "所有编码都相同" },
    visible: true,
    draw: (r) => {
      const d = r.int(2, 4);
      const e = r.vector(d, () => grid(r.uniform(-1, 1)));
      const m = r.int(2, 4);
      return batch(Array.from({ length: m }, (): [number[], number[], number[]] => [[...e], [...e], [...e]]), r.pick([0.25, 0.5]));
    },
    shows: ["margin-subtracted", "mean-not-sum"],
    note: {
      zh: "网络把所有图片都编码成同一个向量：两个距离都是 0，每个三元组的损失正好是 $\\alpha$，$J=m\\alpha$。没有间隔 $\\alpha$，这个毫无用处的网络的损失就会是 0。",
      en: "The network maps every image to the same vector: both distances are 0, each triplet costs exactly $\\alpha$, and $J=m\\alpha$. Without the margin $\\alpha$ this useless network would have zero loss.",
    },
  },
  {
    name: { en: "semi-hard triplets", zh: "半难三元组" },
    visible: false,
    draw: (r) => {
      const d = r.int(2, 4);
      const triplets = Array.from({ length: r.int(2, 4) }, () => {
        const a = r.vector(d, () => grid(r.uniform(-1, 1)));
        const p = a.map((x, k) => (k === 0 ? x + 0.5 : x));
        const n = a.map((x, k) => (k === 0 ? x - 0.625 : x));
        return [a, p, n] as [number[], number[], number[]];
      });
      return batch(triplets, 0.5);
    },
    shows: [],
    note: {
      zh: "$d(A,P)<d(A,N)<d(A,P)+\\alpha$：负样本比正样本远，但还不够远，损失仍为正（这里每个是 $0.25-0.390625+0.5$）。",
      en: "$d(A,P)<d(A,N)<d(A,P)+\\alpha$: the negative is farther than the positive, but not by the margin, so the loss is still positive (here $0.25-0.390625+0.5$ each).",
    },
  },
  {
    name: { en: "the course's α = 0.2", zh: "课程中的 α = 0.2" },
    visible: false,
    draw: (r) => {
      const d = r.int(3, 6);
      return batch(Array.from({ length: r.int(3, 6) }, () => (r.next() < 0.5 ? triplet(r, d, 0.5, 0.5) : triplet(r, d, 0.2, 0.8))), 0.2);
    },
    shows: [],
  },
  {
    name: { en: "longer encodings", zh: "更长的编码" },
    visible: false,
    draw: (r) => {
      const d = r.int(16, 32);
      return batch(Array.from({ length: r.int(2, 4) }, () => triplet(r, d, 0.25, 0.3)), r.pick([0.5, 1]));
    },
    shows: [],
    note: {
      zh: "FaceNet 的编码有 128 维；维数越多，平方距离累加的项越多，公式不变。",
      en: "FaceNet's encodings have 128 entries; more entries mean more squared differences to add up, the formula is the same.",
    },
  },
  {
    name: { en: "a larger batch", zh: "更大的一批" },
    visible: false,
    draw: (r) => {
      const d = r.int(2, 6);
      return batch(Array.from({ length: r.int(8, 12) }, () => (r.next() < 0.5 ? triplet(r, d, 0.6, 0.4) : triplet(r, d, 0.2, 0.9))), r.pick([0.125, 0.25, 0.5]));
    },
    shows: [],
  },
];

function makeCase(spec: Spec, r: Rng): ExerciseCase {
  for (let attempt = 0; attempt < 500; attempt++) {
    const b = spec.draw(r);
    const right = costWith(b, null);
    if ((spec.accept?.(b) ?? true) && spec.shows.every((mistake) => Math.abs(costWith(b, mistake) - right) >= 1 / 16)) {
      return { name: spec.name, visible: spec.visible, args: [b.anchor, b.positive, b.negative, b.alpha], ...(spec.note ? { note: spec.note } : {}) };
    }
  }
  throw new Error(`triplet-loss: no draw for "${spec.name.en}" shows every mistake`);
}

const generate: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default generate;
