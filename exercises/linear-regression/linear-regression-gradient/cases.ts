/**
 * Cases for computeGradient. Values sit on a 1/8 grid, so float64 (the learner) and float32 (the TensorFlow.js
 * reference) read exactly the same inputs, except the housing lab's published numbers, which the reference
 * resolves by taking the residuals in float64. The visible cases keep m ∉ {1, 2} in most shapes (so "times m" and
 * "times 2" differ), b ≠ 0 and residuals of both signs.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;

function nonZero(rng: Rng, scale: number): number {
  const magnitude = onGrid(0.5 + Math.abs(rng.normal(0, scale)));
  return rng.next() < 0.5 ? -magnitude : magnitude;
}

interface Problem {
  X: number[][];
  y: number[];
  w: number[];
  b: number;
}

interface ProblemOptions {
  /** Column index and the value every example has there. */
  constantColumn?: { index: number; value: number };
  perfectFit?: boolean;
}

/** Targets scatter around the model's own predictions with alternating signs: residuals are never all zero. */
function problem(rng: Rng, m: number, n: number, options: ProblemOptions = {}): Problem {
  const X = rng.matrix(m, n, () => onGrid(rng.normal(0, 2)));
  const constant = options.constantColumn;
  if (constant) for (const row of X) row[constant.index] = constant.value;
  const w = rng.vector(n, () => onGrid(rng.normal(0, 1.5)));
  const b = nonZero(rng, 2);
  const y = X.map((row, i) => {
    const prediction = row.reduce((sum, x, j) => sum + w[j]! * x, b);
    if (options.perfectFit) return prediction;
    const offset = onGrid(0.25 + Math.abs(rng.normal(0, 1.5)));
    return prediction + (i % 2 === 0 ? offset : -offset);
  });
  return { X, y, w, b };
}

function toCase(name: Localized, visible: boolean, p: Problem, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [p.X, p.y, p.w, p.b], ...(note ? { note } : {}) };
}

/**
 * The published lab (X, y and the w, b its gradient descent reaches), the same on every seed. Its inputs are not
 * on the 1/8 grid and its residuals are ~1e−6 of predictions near 460: only a reference that takes the residuals
 * in float64 (reference.ts) resolves its gradient, so this case keeps that step honest.
 */
const housingLab: Problem = {
  X: [
    [2104, 5, 1, 45],
    [1416, 3, 2, 40],
    [852, 2, 1, 35],
  ],
  y: [460, 232, 178],
  w: [0.39133535, 18.75376741, -53.36032453, -26.42131618],
  b: 785.1811367994083,
};

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(toCase({ en: "two features", zh: "两个特征" }, true, problem(r, r.int(3, 6), 2)));
  }
  {
    const r = rng(1);
    cases.push(
      toCase({ en: "one feature: f = wx + b", zh: "一个特征：f = wx + b" }, true, problem(r, r.int(4, 7), 1), {
        zh: "一元模型 $f_{w,b}(x)=wx+b$：$\\frac{\\partial J}{\\partial w}$ 和 $\\frac{\\partial J}{\\partial b}$ 只差每一项里的那个 $x^{(i)}$。",
        en: "The one-variable model $f_{w,b}(x)=wx+b$: $\\frac{\\partial J}{\\partial w}$ and $\\frac{\\partial J}{\\partial b}$ differ only by the $x^{(i)}$ in each term.",
      }),
    );
  }
  {
    const r = rng(2);
    cases.push(
      toCase({ en: "a single example (m = 1)", zh: "只有一个样本（m = 1）" }, true, problem(r, 1, r.int(2, 4)), {
        zh: "$m=1$ 时 $\\frac{\\partial J}{\\partial w_j}=e\\,x_j$，$\\frac{\\partial J}{\\partial b}=e$，其中 $e=f_{\\mathbf w,b}(\\mathbf x)-y$。",
        en: "With $m=1$, $\\frac{\\partial J}{\\partial w_j}=e\\,x_j$ and $\\frac{\\partial J}{\\partial b}=e$, where $e=f_{\\mathbf w,b}(\\mathbf x)-y$.",
      }),
    );
  }
  {
    const r = rng(3);
    const n = r.int(3, 4);
    const value = onGrid(r.uniform(1.5, 4));
    cases.push(
      toCase({ en: "a constant feature", zh: "一个常数特征" }, true, problem(r, r.int(5, 8), n, { constantColumn: { index: r.int(0, n - 1), value } }), {
        zh: "某一列特征在所有样本上都等于同一个常数 $c$（方差为 0），于是它的偏导数正好是 $c\\cdot\\frac{\\partial J}{\\partial b}$。",
        en: "One feature equals the same constant $c$ in every example (zero variance), so its partial derivative is exactly $c\\cdot\\frac{\\partial J}{\\partial b}$.",
      }),
    );
  }
  cases.push(
    toCase({ en: "the housing lab at its optimum", zh: "房价实验在最优点处" }, true, structuredClone(housingLab), {
      zh: "DeepLearning.AI 房价实验在梯度下降收敛后的参数：预测值和 $y$ 只差约 $10^{-6}$，梯度很小($\\frac{\\partial J}{\\partial w_0}\\approx-2.73\\times10^{-3}$)但不是 0。特征没有缩放（房屋面积约 2000），所以 $w_0$ 方向的梯度比其他方向大得多。",
      en: "The DeepLearning.AI housing lab's parameters after gradient descent has converged: the predictions miss $y$ by about $10^{-6}$, so the gradient is small ($\\frac{\\partial J}{\\partial w_0}\\approx-2.73\\times10^{-3}$) but not 0. The features are not scaled (sizes around 2000), so the gradient along $w_0$ is far larger than along the others.",
    }),
  );
  {
    const r = rng(4);
    cases.push(toCase({ en: "more examples", zh: "更多样本" }, false, problem(r, r.int(8, 14), r.int(2, 4))));
  }
  {
    const r = rng(5);
    cases.push(
      toCase({ en: "at the minimum", zh: "位于最小值处" }, false, problem(r, r.int(3, 6), r.int(1, 3), { perfectFit: true }), {
        zh: "完全拟合时代价取到最小值 0，梯度为 $\\mathbf 0$。",
        en: "At a perfect fit the cost is at its minimum 0 and the gradient is $\\mathbf 0$.",
      }),
    );
  }
  {
    const r = rng(6);
    const n = r.int(2, 4);
    cases.push(
      toCase({ en: "an all-zero feature", zh: "一个全为 0 的特征" }, false, problem(r, r.int(4, 9), n, { constantColumn: { index: r.int(0, n - 1), value: 0 } }), {
        zh: "全为 0 的特征对预测没有影响，它的偏导数是 0。",
        en: "An all-zero feature never affects the prediction, so its partial derivative is 0.",
      }),
    );
  }
  {
    const r = rng(7);
    cases.push(toCase({ en: "many examples, several features", zh: "大量样本，多个特征" }, false, problem(r, r.int(20, 40), r.int(3, 5))));
  }
  return cases;
};

export default generate;
