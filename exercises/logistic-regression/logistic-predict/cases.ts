/**
 * Cases for predictLogistic. Inputs sit on a 1/8 grid (z = w·x + b is then exact in float32 for these sizes).
 * Every example's probability is at least 1e-3 away from the threshold — except the circle's points, which lie
 * exactly on the decision boundary z = 0 with threshold 0.5, where f = 0.5 exactly in float32 and float64 and
 * ≥ decides. The visible cases include an example with 0 < z < 0.5 (threshold 0.5 applied to z shows), one with
 * 0.5 ≤ f < threshold (a threshold fixed at 0.5 shows) and points on the circle (> instead of ≥ shows).
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;

const probability = (z: number): number => 1 / (1 + Math.exp(-z));
const logit = (p: number): number => Math.log(p / (1 - p));
const dot = (w: number[], x: number[], b: number): number => x.reduce((s, v, j) => s + w[j]! * v, b);

/** A random example whose probability is at least 1e-3 away from the threshold. */
function example(rng: Rng, w: number[], b: number, threshold: number, std = 2): number[] {
  for (;;) {
    const x = w.map(() => onGrid(rng.normal(0, std)));
    if (Math.abs(probability(dot(w, x, b)) - threshold) >= 1e-3) return x;
  }
}

/** An example with z = target exactly, adjusting its first feature (needs w[0] = ±1, ±0.5 or ±2 and an on-grid target). */
function exampleAt(rng: Rng, w: number[], b: number, target: number): number[] {
  const x = w.map(() => onGrid(rng.normal(0, 2)));
  x[0] = 0;
  x[0] = (target - dot(w, x, b)) / w[0]!;
  return x;
}

function shuffled<T>(rng: Rng, items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function weights(rng: Rng, n: number): number[] {
  const w = Array.from({ length: n }, () => onGrid(rng.normal(0, 1.5)) || 0.5);
  w[0] = rng.pick([1, -1, 0.5, -0.5, 2, -2]);
  return w;
}

const bias = (rng: Rng): number => onGrid(rng.normal(0, 2)) || 0.25;

function toCase(name: Localized, visible: boolean, X: number[][], w: number[], b: number, threshold: number, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [X, w, b, threshold], ...(note ? { note } : {}) };
}

/** Pythagorean points (x₁² + x₂² = r²) on circles of radius 5, 10 and 13. */
const onCircle: Record<number, [number, number][]> = {
  5: [[3, 4], [4, 3], [5, 0], [0, 5]],
  10: [[6, 8], [8, 6], [10, 0], [0, 10]],
  13: [[5, 12], [12, 5], [13, 0], [0, 13]],
};

function circleCase(rng: Rng, stretch: [number, number]): { X: number[][]; w: number[]; b: number } {
  const radius = rng.pick([5, 10, 13]);
  const c = rng.pick([0.5, 1, 2]);
  const w = [c / stretch[0], c / stretch[1]];
  const b = -c * radius * radius;
  const boundary = shuffled(rng, onCircle[radius]!).slice(0, 2).map(([p, q]) => [p * p * stretch[0], q * q * stretch[1]]);
  const others: number[][] = [];
  while (others.length < rng.int(3, 5)) {
    const p = rng.int(-radius - 3, radius + 3);
    const q = rng.int(-radius - 3, radius + 3);
    const x = [p * p * stretch[0], q * q * stretch[1]];
    const f = probability(dot(w, x, b));
    if (Math.abs(f - 0.5) >= 1e-3) others.push(x);
  }
  return { X: shuffled(rng, [...boundary, ...others]), w, b };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    const w = weights(r, 2);
    const b = bias(r);
    const X = shuffled(r, [exampleAt(r, w, b, 0.25), ...Array.from({ length: r.int(3, 5) }, () => example(r, w, b, 0.5))]);
    cases.push(
      toCase({ en: "threshold 0.5, two features", zh: "阈值 0.5，两个特征" }, true, X, w, b, 0.5, {
        zh: "阈值 0.5 时 $f\\ge0.5 \\iff z\\ge0$：决策边界是 $z=\\mathbf w\\cdot\\mathbf x+b=0$。有一个样本的 $z=0.25$：它的概率 $g(0.25)\\approx0.56$，预测为 1。",
        en: "With threshold 0.5, $f\\ge0.5 \\iff z\\ge0$: the decision boundary is $z=\\mathbf w\\cdot\\mathbf x+b=0$. One example has $z=0.25$: its probability is $g(0.25)\\approx0.56$, so it predicts 1.",
      }),
    );
  }
  {
    const r = rng(1);
    const { X, w, b } = circleCase(r, [1, 1]);
    cases.push(
      toCase({ en: "the notes' circle: features x₁², x₂²", zh: "笔记里的圆：特征 x₁²、x₂²" }, true, X, w, b, 0.5, {
        zh: "特征是 $x_1^2, x_2^2$，$w_1=w_2=c$，$b=-cr^2$：$z=0$ 就是圆 $x_1^2+x_2^2=r^2$。圆内预测 0，圆外预测 1；恰好在圆上的点 $z=0$，$f=0.5$，按 $f\\ge$ 阈值预测为 1。",
        en: "The features are $x_1^2, x_2^2$ with $w_1=w_2=c$ and $b=-cr^2$: $z=0$ is the circle $x_1^2+x_2^2=r^2$. Inside predicts 0, outside 1; a point exactly on the circle has $z=0$, $f=0.5$, and $f\\ge$ threshold predicts 1.",
      }),
    );
  }
  {
    const r = rng(2);
    const w = weights(r, r.int(2, 3));
    const b = bias(r);
    const threshold = r.pick([0.7, 0.75, 0.8]);
    const between = exampleAt(r, w, b, onGrid((logit(0.5) + logit(threshold)) / 2));
    const X = shuffled(r, [between, ...Array.from({ length: r.int(3, 5) }, () => example(r, w, b, threshold))]);
    cases.push(
      toCase({ en: "a stricter threshold", zh: "更严格的阈值" }, true, X, w, b, threshold, {
        zh: "提高阈值只在更有把握时才预测 1（精确率上升、召回率下降）。有一个样本 $0.5\\le f<$ 阈值：它预测为 0。",
        en: "A higher threshold predicts 1 only when more confident (precision up, recall down). One example has $0.5\\le f<$ threshold: it predicts 0.",
      }),
    );
  }
  {
    const r = rng(3);
    const w = weights(r, 1);
    const b = bias(r);
    const threshold = r.pick([0.3, 0.25]);
    cases.push(toCase({ en: "one feature, a lower threshold", zh: "一个特征，较低的阈值" }, true, Array.from({ length: r.int(3, 6) }, () => example(r, w, b, threshold)), w, b, threshold));
  }
  {
    const r = rng(4);
    const w = weights(r, r.int(2, 4));
    const b = bias(r);
    cases.push(toCase({ en: "a single example (m = 1)", zh: "只有一个样本（m = 1）" }, false, [example(r, w, b, 0.5)], w, b, 0.5));
  }
  {
    const r = rng(5);
    const { X, w, b } = circleCase(r, r.pick([[1, 4], [4, 1]] as [number, number][]));
    cases.push(
      toCase({ en: "an ellipse: different weights on the squares", zh: "椭圆：平方项的权重不同" }, false, X, w, b, 0.5, {
        zh: "两个平方项的权重不同，边界 $z=0$ 是椭圆。",
        en: "Different weights on the two squares make the boundary $z=0$ an ellipse.",
      }),
    );
  }
  {
    const r = rng(6);
    const w = weights(r, 2).map((v) => v * 40);
    const b = bias(r);
    cases.push(
      toCase({ en: "confident predictions (large |z|)", zh: "自信的预测（|z| 很大）" }, false, Array.from({ length: r.int(3, 6) }, () => example(r, w, b, 0.5)), w, b, 0.5, {
        zh: "$|z|$ 很大时 $f$ 非常接近 0 或 1。",
        en: "For large $|z|$, $f$ is very close to 0 or 1.",
      }),
    );
  }
  {
    const r = rng(7);
    const w = weights(r, r.int(3, 5));
    const b = bias(r);
    const threshold = r.pick([0.5, 0.6, 0.4]);
    cases.push(toCase({ en: "many examples", zh: "大量样本" }, false, Array.from({ length: r.int(15, 30) }, () => example(r, w, b, threshold)), w, b, threshold));
  }
  return cases;
};

export default generate;
